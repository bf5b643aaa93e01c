import type { Database, ExecuteSql } from "../platform/db/database.js";
import { VERSION } from "../version.js";
import { listAppliedMigrations } from "./applied-migrations.js";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type EndLine, type TableLine } from "./backup-format.js";
import { type LineWriter, openGzipLineWriter } from "./gzip-lines.js";
import { listTables, qualifiedTable, quoteIdent, storedColumns, type TableInfo } from "./table-catalog.js";

export type BackupOptions = { batchSize?: number; now?: Date };
export type BackupSummary = { tables: { name: string; rows: number }[]; migrations: number; bytes: number };

/**
 * Writes every table of the data schema to a gzipped JSON-lines file (format in backup-format.ts), from
 * one consistent snapshot, reading `batchSize` rows per query so memory stays flat. pg-boss's jobs are
 * not included.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const batchSize = options.batchSize ?? 1000;
  const out = openGzipLineWriter(file);
  try {
    const summary = await database.withExclusiveClient(async (executeSql) => {
      // One repeatable-read transaction: every table is read as of the same moment.
      await executeSql("begin isolation level repeatable read read only");
      try {
        await executeSql("set local timezone to 'UTC'");
        const result = await writeSnapshot(executeSql, out, database.kind, batchSize, options.now ?? new Date());
        await executeSql("commit");
        return result;
      } catch (error) {
        await executeSql("rollback");
        throw error;
      }
    });
    return { ...summary, bytes: await out.close() };
  } catch (error) {
    await out.abort();
    throw error;
  }
}

async function writeSnapshot(
  executeSql: ExecuteSql,
  out: LineWriter,
  engine: string,
  batchSize: number,
  now: Date,
): Promise<Omit<BackupSummary, "bytes">> {
  const migrations = await listAppliedMigrations(executeSql);
  if (migrations.length === 0) {
    throw new Error("This database has no Pulse migrations applied: there is nothing to back up.");
  }
  const tables = (await listTables(executeSql)).filter((t) => storedColumns(t).length > 0);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    source: { engine, pulseVersion: VERSION },
    migrations,
    tables: tables.map((t) => t.name),
  };
  await out.write(JSON.stringify(header));
  const counts: { name: string; rows: number }[] = [];
  for (const table of tables) {
    const columns = storedColumns(table).map((c) => c.name);
    await out.write(JSON.stringify({ table: table.name, columns } satisfies TableLine));
    counts.push({ name: table.name, rows: await writeRows(executeSql, out, table, columns, batchSize) });
  }
  const end: EndLine = { end: true, rows: Object.fromEntries(counts.map((c) => [c.name, c.rows])) };
  await out.write(JSON.stringify(end));
  return { tables: counts, migrations: migrations.length };
}

/** Pages through a table by primary key (or ctid when it has none), writing one JSON array per row. */
async function writeRows(
  executeSql: ExecuteSql,
  out: LineWriter,
  table: TableInfo,
  columns: string[],
  batchSize: number,
): Promise<number> {
  const page = pageQuery(table, columns, batchSize);
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const result: { rows: Record<string, unknown>[] } =
      after === null ? await executeSql(page.first, []) : await executeSql(page.next, [after]);
    for (const row of result.rows) await out.write(String(row.line));
    count += result.rows.length;
    if (result.rows.length < batchSize) return count;
    after = String(result.rows[result.rows.length - 1]!.k);
  }
}

function pageQuery(table: TableInfo, columns: string[], batchSize: number): { first: string; next: string } {
  // jsonb's text keeps numbers exact (bigint, numeric) where a JavaScript round trip would not.
  const line = `array_to_json(array[${columns.map((c) => `to_jsonb(t.${quoteIdent(c)})`).join(", ")}]::jsonb[])::text`;
  const from = `from ${qualifiedTable(table.name)} t`;
  if (table.primaryKey.length === 0) {
    const select = `select ${line} as line, t.ctid::text as k ${from}`;
    return {
      first: `${select} order by t.ctid limit ${batchSize}`,
      next: `${select} where t.ctid > $1::tid order by t.ctid limit ${batchSize}`,
    };
  }
  const key = table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(", ");
  const keyJson = `jsonb_build_object(${table.primaryKey.map((c) => `'${c.replace(/'/g, "''")}', t.${quoteIdent(c)}`).join(", ")})::text`;
  const select = `select ${line} as line, ${keyJson} as k ${from}`;
  // The last key travels as JSON and is typed by the server, whatever the key columns' types.
  const last = `(select ${table.primaryKey.map((c) => `l.${quoteIdent(c)}`).join(", ")} from jsonb_populate_record(null::${qualifiedTable(table.name)}, $1::jsonb) l)`;
  return {
    first: `${select} order by ${key} limit ${batchSize}`,
    next: `${select} where (${key}) > ${last} order by ${key} limit ${batchSize}`,
  };
}
