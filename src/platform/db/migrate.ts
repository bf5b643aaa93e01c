import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./database.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../migrations", import.meta.url));

/** PostgreSQL errors a concurrent `create table if not exists` / insert of the lock row may raise. */
const ALREADY_CREATED = new Set(["23505", "42P06", "42P07"]);

/**
 * Applies every pending drizzle-kit migration; safe to call on every start and from several processes.
 *
 * On PostgreSQL the migrations run in one transaction that first locks the row of `drizzle.pulse_migration_lock`
 * (beside drizzle's journal, outside the data schema that backups copy)
 * (`select … for update`): a second process waits on that row, then finds nothing left to apply. The lock
 * ends with the transaction, so it holds behind a transaction pooler (PgBouncer) and on engines without
 * advisory locks, where a session advisory lock would be lost or ignored.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the Drizzle handle is a PgliteDatabase here
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const db = database.db as unknown as NodePgDatabase;
  await ensureLockRow(db);
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from drizzle.pulse_migration_lock where id = 1 for update`);
    // Drizzle's own migrator, run inside this transaction: its "last applied" read comes after the lock,
    // and its transaction becomes a savepoint of this one.
    const session = {
      execute: (query: ReturnType<typeof sql>) => tx.execute(query),
      all: async (query: ReturnType<typeof sql>) => (await tx.execute(query)).rows,
      transaction: <T>(body: (inner: typeof tx) => Promise<T>) => tx.transaction(body),
    };
    // biome-ignore lint/suspicious/noExplicitAny: dialect.migrate is the entry drizzle's migrator calls
    await (db as any).dialect.migrate(migrations, session, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}

async function ensureLockRow(db: NodePgDatabase): Promise<void> {
  for (const statement of [
    sql`create schema if not exists drizzle`,
    sql`create table if not exists drizzle.pulse_migration_lock (id smallint primary key)`,
    sql`insert into drizzle.pulse_migration_lock (id) values (1) on conflict do nothing`,
  ]) {
    try {
      await db.execute(statement);
    } catch (error) {
      if (!ALREADY_CREATED.has(errorCode(error))) throw error;
    }
  }
}

/** The SQLSTATE of a driver error, also when Drizzle wraps it (DrizzleQueryError's cause). */
function errorCode(error: unknown): string {
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  return code ?? cause?.code ?? "";
}
