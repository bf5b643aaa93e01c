import type { Database, ExecuteSql } from "../platform/db/database.js";
import { migrateDatabase } from "../platform/db/migrate.js";
import { listAppliedMigrations } from "./applied-migrations.js";
import { BackupFileError, type BackupHeader, EndLine, TableLine } from "./backup-format.js";
import { readBackupHeader, readBackupLines } from "./backup-reader.js";
import {
  listTables,
  MIGRATION_SEEDED_TABLES,
  qualifiedTable,
  quoteIdent,
  storedColumns,
  type TableInfo,
} from "./table-catalog.js";

export type RestoreOptions = { force?: boolean; batchSize?: number };
export type RestoreSummary = {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  /** Tables that held rows and were emptied first (--force). */
  replaced: string[];
};

/** The target cannot take this backup as it is (holds data, or is an older Pulse). */
export class RestoreRefusedError extends Error {}

const STAGE = "pulse_restore_rows";

/**
 * Restores a backup into a database: migrates it, checks the backup's migrations are known here, refuses
 * a target holding rows unless `force` (then empties every data table), and loads every table in one
 * transaction, so a failed restore leaves the target as it was.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  await migrateDatabase(database);
  await checkMigrations(database.executeSql, header);
  const tables = new Map((await listTables(database.executeSql)).map((t) => [t.name, t]));
  const missing = header.tables.filter((name) => !tables.has(name));
  if (missing.length > 0) {
    throw new RestoreRefusedError(`The backup has tables this version of Pulse does not: ${missing.join(", ")}.`);
  }

  return database.withExclusiveClient(async (executeSql) => {
    await executeSql("begin");
    try {
      const replaced = await emptyTarget(executeSql, [...tables.values()], options.force === true);
      await executeSql(`create temp table ${STAGE} (r jsonb not null) on commit drop`);
      const restored = await loadTables(executeSql, file, header, tables, options.batchSize ?? 1000);
      await resetSequences(executeSql, [...tables.values()]);
      await executeSql("commit");
      return { header, tables: restored, replaced };
    } catch (error) {
      await executeSql("rollback");
      throw error;
    }
  });
}

async function checkMigrations(executeSql: ExecuteSql, header: BackupHeader): Promise<void> {
  const known = new Set((await listAppliedMigrations(executeSql)).map((m) => m.hash));
  const unknown = header.migrations.filter((m) => !known.has(m.hash));
  if (unknown.length > 0) {
    const names = unknown.map((m) => m.tag ?? `${m.hash.slice(0, 12)}… of ${new Date(m.createdAt).toISOString()}`);
    throw new RestoreRefusedError(
      `The backup was made by a newer or different Pulse: this version does not know its migrations ${names.join(", ")}. Upgrade Pulse, then restore.`,
    );
  }
}

/** Returns the tables emptied; refuses when any holds rows and force is off. */
async function emptyTarget(executeSql: ExecuteSql, tables: TableInfo[], force: boolean): Promise<string[]> {
  if (tables.length === 0) return [];
  const probe = tables
    .map((t) => `select '${t.name.replace(/'/g, "''")}' as name where exists (select 1 from ${qualifiedTable(t.name)})`)
    .join(" union all ");
  const held = (await executeSql(probe, [])).rows.map((r) => String(r.name));
  const nonEmpty = held.filter((name) => !MIGRATION_SEEDED_TABLES.has(name));
  if (nonEmpty.length === 0) {
    // Only what the migrations wrote: the backup's own copy of those rows replaces it.
    const seeded = tables.filter((t) => held.includes(t.name));
    if (seeded.length > 0) {
      await executeSql(
        `truncate table ${seeded.map((t) => qualifiedTable(t.name)).join(", ")} restart identity cascade`,
      );
    }
    return [];
  }
  if (!force) {
    throw new RestoreRefusedError(
      `The target database already holds data (in ${nonEmpty.join(", ")}). Restore into an empty database, or pass --force to replace everything in it.`,
    );
  }
  await executeSql(`truncate table ${tables.map((t) => qualifiedTable(t.name)).join(", ")} restart identity cascade`);
  return nonEmpty;
}

/** Streams the row lines into a staging table, then inserts each table with one statement. */
async function loadTables(
  executeSql: ExecuteSql,
  file: string,
  header: BackupHeader,
  tables: Map<string, TableInfo>,
  batchSize: number,
): Promise<{ name: string; rows: number }[]> {
  const restored: { name: string; rows: number }[] = [];
  let current: { line: TableLine; rows: number } | null = null;
  let batch: string[] = [];
  let ended: EndLine | null = null;

  const stage = async () => {
    if (batch.length === 0) return;
    await executeSql(`insert into ${STAGE} (r) select value from jsonb_array_elements($1::jsonb)`, [
      `[${batch.join(",")}]`,
    ]);
    batch = [];
  };
  const finishTable = async () => {
    if (!current) return;
    await stage();
    await insertStaged(executeSql, current.line);
    await executeSql(`truncate ${STAGE}`);
    restored.push({ name: current.line.table, rows: current.rows });
    current = null;
  };

  for await (const { number, text } of readBackupLines(file)) {
    if (number === 1) continue;
    const fail = (why: string) => new BackupFileError(`${file}, line ${number}: ${why}`);
    if (ended) throw fail("data after the end marker");
    if (text.startsWith("[")) {
      if (!current) throw fail("a row before any table header");
      const values = parseJson(text, fail);
      if (!Array.isArray(values) || values.length !== current.line.columns.length) {
        throw fail(`a row of ${current.line.table} must be an array of ${current.line.columns.length} values`);
      }
      batch.push(text);
      current.rows++;
      if (batch.length >= batchSize) await stage();
      continue;
    }
    const value = parseJson(text, fail);
    const table = TableLine.safeParse(value);
    if (table.success) {
      await finishTable();
      checkTableLine(table.data, header, tables, fail);
      current = { line: table.data, rows: 0 };
      continue;
    }
    const end = EndLine.safeParse(value);
    if (!end.success) throw fail("neither a table header, a row nor the end marker");
    await finishTable();
    ended = end.data;
  }

  if (!ended) throw new BackupFileError(`${file} is incomplete: it ends before the end marker (cut short?).`);
  for (const { name, rows } of restored) {
    if (ended.rows[name] !== rows) {
      throw new BackupFileError(
        `${file} is damaged: ${name} has ${rows} rows, the end marker says ${ended.rows[name]}.`,
      );
    }
  }
  return restored;
}

function checkTableLine(
  line: TableLine,
  header: BackupHeader,
  tables: Map<string, TableInfo>,
  fail: (why: string) => Error,
): void {
  const target = tables.get(line.table);
  if (!header.tables.includes(line.table) || !target) throw fail(`table ${line.table} is not listed in the header`);
  const known = new Set(storedColumns(target).map((c) => c.name));
  const unknown = line.columns.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(`Table ${line.table} in this version of Pulse has no column ${unknown.join(", ")}.`);
  }
}

/**
 * One INSERT per table: PostgreSQL checks foreign keys at the end of the statement, so rows referring to
 * rows of the same table restore in any order. The server converts every value from JSON to the
 * column's type; columns the backup lacks (added by a later migration) take their defaults.
 */
async function insertStaged(executeSql: ExecuteSql, line: TableLine): Promise<void> {
  const target = qualifiedTable(line.table);
  const columns = line.columns.map(quoteIdent);
  await executeSql(
    `insert into ${target} (${columns.join(", ")}) overriding system value
     select ${columns.map((c) => `p.${c}`).join(", ")}
       from ${STAGE} s
       cross join lateral jsonb_populate_record(
         null::${target},
         (select jsonb_object_agg(c.name, s.r -> (c.ord::int - 1))
            from jsonb_array_elements_text($1::jsonb) with ordinality as c(name, ord))
       ) p`,
    [JSON.stringify(line.columns)],
  );
}

/** Moves identity and serial sequences past the restored ids, so the next insert does not collide. */
async function resetSequences(executeSql: ExecuteSql, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const column of table.columns) {
      if (!column.sequence) continue;
      await executeSql(
        `select setval($1::regclass, m.v) from (select max(${quoteIdent(column.name)}) as v from ${qualifiedTable(table.name)}) m where m.v is not null`,
        [column.sequence],
      );
    }
  }
}

function parseJson(text: string, fail: (why: string) => Error): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw fail("not valid JSON");
  }
}
