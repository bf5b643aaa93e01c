import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import type { ReportFilter } from "./contract.js";
import { levelsWhere, measureColumn, orderBy, reportBase, reportEnd, reportWhere } from "./report-sql.js";

type Row = Record<string, unknown>;
const rows = async (db: Db, query: SQL): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
const parsed = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

export type ClientListRow = {
  id: string;
  name: string;
  client_type: string;
  assigned_csm_id: string | null;
  csm_name: string | null;
  status: string;
  value: number;
  currency: string;
  next_renewal_date: string | null;
  rank: number | null;
  pulse_at: string | null;
};
export type Amount = { count: number; value: number };

type ListOptions = { valueColumn: "arr" | "mrr" | "acv" };

/** The page of clients (with CSM names) as JSON, from the filtered set `f`. */
function pageJson(filter: ReportFilter, where: SQL, options: ListOptions): SQL {
  return sql`(select coalesce(json_agg(y order by y.ord), '[]'::json) from (
      select f.id, f.name, f.client_type, f.assigned_csm_id, u.name as csm_name, f.status, f.currency,
        f.next_renewal_date::text as next_renewal_date, f.rank, f.pulse_at,
        ${sql.raw(`f.${options.valueColumn}_minor`)}::float8 as value,
        row_number() over (order by ${orderBy(filter.sort, options.valueColumn)}) as ord
      from f left join users u on u.id = f.assigned_csm_id
      where ${where} order by ${orderBy(filter.sort, options.valueColumn)} limit ${filter.limit} offset ${filter.offset}) y)`;
}

/**
 * The whole health report in one statement, so the (possibly "as of") client set is computed once:
 * the breakdown per level over the filter, and the page and count of the list narrowed to `levels`.
 */
export async function healthReport(db: Db, orgId: string, filter: ReportFilter, now: Date, options: ListOptions) {
  const listWhere = levelsWhere(filter, "f");
  const [row] = await rows(
    db,
    sql`with b as materialized (${reportBase(orgId, filter, now)}),
      f as (select b.*, ${measureColumn(filter.measure)} as m from b where ${reportWhere(filter, { levels: false })})
      select
        (select coalesce(json_agg(x), '[]'::json) from (
          select f.rank, count(*)::int as count, coalesce(sum(f.m), 0)::float8 as value from f group by f.rank) x) as breakdown,
        (select count(*)::int from f where ${listWhere}) as total,
        ${pageJson(filter, listWhere, options)} as page`,
  );
  return {
    breakdown: parsed<{ rank: number | null; count: number; value: number }[]>(row?.breakdown),
    total: Number(row?.total ?? 0),
    page: parsed<ClientListRow[]>(row?.page),
  };
}

/** The whole reasons report in one statement: reasons of each client's current pulse, totals, and the list. */
export async function reasonsReport(db: Db, orgId: string, filter: ReportFilter, now: Date, options: ListOptions) {
  const drill = filter.reasonCodeId
    ? sql`exists (select 1 from pulse_entry_reasons per where per.entry_id = f.entry_id and per.reason_code_id = ${filter.reasonCodeId})`
    : sql`true`;
  const noReason = sql`not exists (select 1 from pulse_entry_reasons per where per.entry_id = f.entry_id)`;
  const [row] = await rows(
    db,
    sql`with b as materialized (${reportBase(orgId, filter, now)}),
      f as (select b.*, ${measureColumn(filter.measure)} as m from b where ${reportWhere(filter, { levels: true })})
      select
        (select coalesce(json_agg(x order by x.count desc, x.label asc), '[]'::json) from (
          select rc.id as reason_code_id, rc.code, rc.label, rc.category, rc.kind,
            count(*)::int as count, coalesce(sum(f.m), 0)::float8 as value
          from f join pulse_entry_reasons per on per.entry_id = f.entry_id
          join reason_codes rc on rc.id = per.reason_code_id
          group by rc.id, rc.code, rc.label, rc.category, rc.kind) x) as reasons,
        (select json_build_object('count', count(*), 'value', coalesce(sum(m), 0)::float8) from f) as totals,
        (select json_build_object('count', count(*), 'value', coalesce(sum(m), 0)::float8) from f where ${noReason}) as without,
        (select count(*)::int from f where ${drill}) as total,
        ${pageJson(filter, drill, options)} as page`,
  );
  return {
    reasons: parsed<
      {
        reason_code_id: string;
        code: string;
        label: string;
        category: string;
        kind: string;
        count: number;
        value: number;
      }[]
    >(row?.reasons),
    totals: parsed<Amount>(row?.totals),
    without: parsed<Amount>(row?.without),
    total: Number(row?.total ?? 0),
    page: parsed<ClientListRow[]>(row?.page),
  };
}

/** Pulse changes of the given clients in the 90 days before the report's end, plus the level each had when the window opened. */
export async function trends(db: Db, clientIds: string[], asOf: string | undefined, now: Date) {
  if (clientIds.length === 0) return [];
  const end = reportEnd(asOf, now);
  const start = new Date(end.getTime() - 90 * 86_400_000);
  const ids = sql`${sql.param(clientIds)}::uuid[]`;
  const notCorrected = sql`not exists (select 1 from pulse_entries x where x.corrects_entry_id = e.id)`;
  return (await rows(
    db,
    sql`(select e.client_id, e.rank, e.effective_at as at, e.recorded_at from pulse_entries e
         where e.client_id = any(${ids}) and e.effective_at >= ${start} and e.effective_at < ${end} and ${notCorrected})
        union all
        (select distinct on (e.client_id) e.client_id, e.rank, ${start}::timestamptz as at, e.recorded_at from pulse_entries e
         where e.client_id = any(${ids}) and e.effective_at < ${start} and ${notCorrected}
         order by e.client_id, e.effective_at desc, e.recorded_at desc)
        order by client_id, at, recorded_at`,
  )) as { client_id: string; rank: number; at: Date | string }[];
}

export async function facets(db: Db, orgId: string) {
  const types = await rows(
    db,
    sql`select distinct client_type from clients where org_id = ${orgId} and client_type <> '' order by client_type`,
  );
  const csms = await rows(
    db,
    sql`select distinct u.id, u.name from clients c join users u on u.id = c.assigned_csm_id
        where c.org_id = ${orgId} order by u.name`,
  );
  return {
    types: types.map((t) => String(t.client_type)),
    csms: csms.map((c) => ({ id: String(c.id), name: String(c.name) })),
  };
}
