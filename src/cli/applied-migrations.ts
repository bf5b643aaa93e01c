import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExecuteSql } from "../platform/db/database.js";
import { MIGRATIONS_FOLDER } from "../platform/db/migrate.js";
import type { AppliedMigration } from "./backup-format.js";

/** The drizzle-kit migrations recorded in a database (drizzle.__drizzle_migrations), oldest first. */
export async function listAppliedMigrations(executeSql: ExecuteSql): Promise<AppliedMigration[]> {
  const present = await executeSql("select to_regclass('drizzle.__drizzle_migrations') is not null as present", []);
  if (present.rows[0]?.present !== true) return [];
  // created_at is a bigint: as text it reads the same from node-postgres and PGlite.
  const result = await executeSql(
    "select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id",
    [],
  );
  const tags = migrationTags();
  return result.rows.map((row) => {
    const createdAt = Number(row.created_at);
    const tag = tags.get(createdAt);
    return { hash: String(row.hash), createdAt, ...(tag ? { tag } : {}) };
  });
}

/** drizzle records a migration by its journal timestamp ("when"); the journal names it. */
function migrationTags(): Map<number, string> {
  try {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
      entries: { when: number; tag: string }[];
    };
    return new Map(journal.entries.map((e) => [e.when, e.tag]));
  } catch {
    return new Map();
  }
}
