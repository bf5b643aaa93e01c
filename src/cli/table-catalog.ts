import type { ExecuteSql } from "../platform/db/database.js";
import { dependencyOrder, type TableEdge } from "./dependency-order.js";

export type ColumnInfo = {
  name: string;
  type: string;
  /** GENERATED ... STORED columns: never dumped, recomputed on insert. */
  generated: boolean;
  /** The sequence behind an identity or serial column, reset after a restore. */
  sequence: string | null;
};

export type TableInfo = { name: string; columns: ColumnInfo[]; primaryKey: string[] };

/** Tables of this schema are Pulse's data; pg-boss keeps its jobs in `pgboss`, drizzle its journal in `drizzle`. */
export const DATA_SCHEMA = "public";

/**
 * Tables whose rows a migration writes (reference data such as billing plans, prices and discount tiers):
 * a freshly migrated database holds them, so they do not make a target "hold data", and a restore replaces
 * them with the backup's rows.
 */
export const MIGRATION_SEEDED_TABLES: ReadonlySet<string> = new Set([
  "billing_plans",
  "billing_prices",
  "billing_discount_tiers",
]);

/** Double-quotes an identifier for SQL text. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `public."name"` */
export function qualifiedTable(name: string): string {
  return `${DATA_SCHEMA}.${quoteIdent(name)}`;
}

/** Every table in the data schema with its columns and primary key, referenced tables first. */
export async function listTables(executeSql: ExecuteSql): Promise<TableInfo[]> {
  const tables = await executeSql(
    `select c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition`,
    [DATA_SCHEMA],
  );
  const edges = await executeSql(
    `select src.relname as "from", dst.relname as "to"
       from pg_constraint k
       join pg_class src on src.oid = k.conrelid
       join pg_namespace ns on ns.oid = src.relnamespace
       join pg_class dst on dst.oid = k.confrelid
       join pg_namespace nd on nd.oid = dst.relnamespace
      where k.contype = 'f' and ns.nspname = $1 and nd.nspname = $1`,
    [DATA_SCHEMA],
  );
  const columns = await executeSql(
    `select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            a.attgenerated <> '' as generated,
            pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) as sequence
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
    [DATA_SCHEMA],
  );
  const keys = await executeSql(
    `select c.relname as "table", a.attname as name
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = $1 and i.indisprimary
      order by c.relname, k.ord`,
    [DATA_SCHEMA],
  );

  const byName = new Map<string, TableInfo>();
  for (const row of tables.rows) {
    const name = String(row.name);
    byName.set(name, { name, columns: [], primaryKey: [] });
  }
  for (const row of columns.rows) {
    byName.get(String(row.table))?.columns.push({
      name: String(row.name),
      type: String(row.type),
      generated: row.generated === true,
      sequence: row.sequence == null ? null : String(row.sequence),
    });
  }
  for (const row of keys.rows) byName.get(String(row.table))?.primaryKey.push(String(row.name));

  const order = dependencyOrder(
    [...byName.keys()],
    edges.rows.map((e) => ({ from: String(e.from), to: String(e.to) }) satisfies TableEdge),
  );
  return order.map((name) => byName.get(name)!);
}

/** The columns a dump carries and a restore writes: all but generated ones. */
export function storedColumns(table: TableInfo): ColumnInfo[] {
  return table.columns.filter((c) => !c.generated);
}
