import { fileURLToPath } from "node:url";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./database.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../migrations", import.meta.url));

// Any constant works; it keeps two Pulse processes from migrating one server at once.
const MIGRATION_LOCK_ID = 7_412_001;

/** Applies every pending drizzle-kit migration; safe to call on every start and from several processes. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the Drizzle handle is a PgliteDatabase here
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  await database.withExclusiveClient(async (executeSql, db) => {
    await executeSql("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the Drizzle handle is a NodePgDatabase here
      await migrateNodePg(db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await executeSql("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
    }
  });
}
