import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "../../../platform/db/database.js";
import { MIGRATIONS_FOLDER } from "../../../platform/db/migrate.js";

/** Applies the repository's migrations up to and including `lastTag` (a test of one migration's data step). */
export async function migrateUpTo(database: Database, lastTag: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pulse-migrations-"));
  try {
    cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
    const journalPath = join(dir, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const last = journal.entries.findIndex((e) => e.tag === lastTag);
    if (last < 0) throw new Error(`no migration ${lastTag}`);
    journal.entries = journal.entries.slice(0, last + 1);
    writeFileSync(journalPath, JSON.stringify(journal));
    // biome-ignore lint/suspicious/noExplicitAny: the Drizzle handle's type depends on the engine
    const db = database.db as any;
    if (database.kind === "pglite") await migratePglite(db, { migrationsFolder: dir });
    else await migrateNodePg(db, { migrationsFolder: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
