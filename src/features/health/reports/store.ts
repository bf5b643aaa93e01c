import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { pulseRank } from "../pulses/pulse-levels.js";
import type { ReportFilter } from "./contract.js";
import { levelsWhere, measureColumn, orderBy, reportClients, reportEnd, reportWhere } from "./report-sql.js";

type Row = Record<string, unknown>;
const rows = async (db: Db, query: SQL): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;

/**
 * Runs a whole-report statement with room to work in memory: its materialized client set (about 20 MB
 * at 100,000 clients) and hash joins spill to disk under the default 4 MB work_mem, which made an "as of"
 * report about 1.8x slower on PostgreSQL. SET LOCAL ends with the transaction.
 */
const reportRows = (db: Db, query: SQL): Promise<Row[]> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return rows(tx as unknown as Db, query);
  });
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

export type ListOptions = { valueColumn: "arr" | "mrr" | "acv" };

/**
 * The page of clients (with CSM names) as JSON, from the filtered set `f`: the page is cut first (a
 * top-N sort), then only its rows meet the users table and are numbered for the JSON's order.
 */
function pageJson(filter: ReportFilter, where: SQL, options: ListOptions): SQL {
  const value = sql.raw(`${options.valueColumn}_minor`);
  return sql`(select coalesce(json_agg(y order by y.ord), '[]'::json) from (
      select q.id, q.name, q.client_type, q.assigned_csm_id, u.name as csm_name, q.status, q.currency,
        q.next_renewal_date::text as next_renewal_date, q.rank, q.pulse_at, q.${value}::float8 as value,
        row_number() over (order by ${orderBy(filter.sort, options.valueColumn, "q")}) as ord
      from (select f.* from f where ${where}
            order by ${orderBy(filter.sort, options.valueColumn)} limit ${filter.limit} offset ${filter.offset}) q
      left join users u on u.id = q.assigned_csm_id) y)`;
}

/** The client set `b` (see reportClients) and `f`, the rows the filter keeps with the measured amount. */
const withClients = (
  orgId: string,
  filter: ReportFilter,
  now: Date,
  levels: boolean,
  reasons: boolean,
  ranks?: number[],
) =>
  sql`with ${reportClients(orgId, filter, now, { reasons, ranks })},
      f as not materialized (select b.*, ${measureColumn(filter.measure)} as m from b where ${reportWhere(filter, { levels })})`;

/** The drilled reason as a condition over `f` (every row without one). */
export const drillWhere = (filter: ReportFilter): SQL =>
  filter.reasonCodeId ? sql`${filter.reasonCodeId}::uuid = any(f.reason_ids)` : sql`true`;

/**
 * A page of a report whose counts came from a snapshot: only the clients whose pulse has one of `ranks`
 * (the levels the page reaches), `before` rows of lower sort order skipped by the counts.
 */
export async function pageOfRanks(
  db: Db,
  orgId: string,
  filter: ReportFilter,
  now: Date,
  page: { ranks: number[]; before: number; reasons: boolean },
  options: ListOptions,
): Promise<ClientListRow[]> {
  if (page.ranks.length === 0) return [];
  const shifted = { ...filter, offset: filter.offset - page.before };
  const where = page.reasons ? drillWhere(filter) : levelsWhere(filter, "f");
  const [row] = await reportRows(
    db,
    sql`${withClients(orgId, filter, now, page.reasons, page.reasons, page.ranks)}
      select ${pageJson(shifted, where, options)} as page`,
  );
  return parsed<ClientListRow[]>(row?.page);
}

export type Breakdown = { rank: number | null; count: number; value: number }[];

/** How many clients the list narrowed to the filter's levels holds, read off the breakdown per level. */
export function listTotal(breakdown: Breakdown, filter: ReportFilter): number {
  const levels = filter.levels ?? [];
  if (levels.length === 0) return breakdown.reduce((n, b) => n + Number(b.count), 0);
  const ranks = new Set(levels.map((l) => (l === "none" ? null : pulseRank(l))));
  return breakdown
    .filter((b) => ranks.has(b.rank === null ? null : Number(b.rank)))
    .reduce((n, b) => n + Number(b.count), 0);
}

/**
 * The whole health report in one statement: the breakdown per level over the filter, and the page of
 * the list narrowed to `levels` (its count is the breakdown's, for those levels).
 */
export async function healthReport(db: Db, orgId: string, filter: ReportFilter, now: Date, options: ListOptions) {
  const [row] = await reportRows(
    db,
    sql`${withClients(orgId, filter, now, false, false)}
      select
        (select coalesce(json_agg(x), '[]'::json) from (
          select f.rank, count(*)::int as count, coalesce(sum(f.m), 0)::float8 as value from f group by f.rank) x) as breakdown,
        ${pageJson(filter, levelsWhere(filter, "f"), options)} as page`,
  );
  const breakdown = parsed<Breakdown>(row?.breakdown);
  return { breakdown, total: listTotal(breakdown, filter), page: parsed<ClientListRow[]>(row?.page) };
}

/**
 * The whole reasons report in one statement: the reason codes of each client's pulse (from reason_ids),
 * totals with and without a reason and the drilled count in one pass, and the list.
 */
export async function reasonsReport(db: Db, orgId: string, filter: ReportFilter, now: Date, options: ListOptions) {
  const drill = drillWhere(filter);
  const [row] = await reportRows(
    db,
    sql`${withClients(orgId, filter, now, true, true)}
      select
        (select coalesce(json_agg(x order by x.count desc, x.label asc), '[]'::json) from (
          select rc.id as reason_code_id, rc.code, rc.label, rc.category, rc.kind, r.count, r.value
          from (select u.reason_code_id, count(*)::int as count, coalesce(sum(u.m), 0)::float8 as value
                from (select unnest(f.reason_ids) as reason_code_id, f.m from f) u group by u.reason_code_id) r
          join reason_codes rc on rc.id = r.reason_code_id) x) as reasons,
        (select json_build_object(
            'count', count(*), 'value', coalesce(sum(m), 0)::float8,
            'withoutCount', count(*) filter (where cardinality(reason_ids) = 0),
            'withoutValue', coalesce(sum(m) filter (where cardinality(reason_ids) = 0), 0)::float8,
            'drilled', count(*) filter (where ${drill}))
          from f) as totals,
        ${pageJson(filter, drill, options)} as page`,
  );
  const totals = parsed<{ count: number; value: number; withoutCount: number; withoutValue: number; drilled: number }>(
    row?.totals,
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
    totals: { count: totals.count, value: totals.value },
    without: { count: totals.withoutCount, value: totals.withoutValue },
    total: Number(totals.drilled),
    page: parsed<ClientListRow[]>(row?.page),
  };
}

/** Pulse changes of the given clients in the 90 days before the report's end, plus the level each had when the window opened. */
export async function trends(db: Db, orgId: string, clientIds: string[], asOf: string | undefined, now: Date) {
  if (clientIds.length === 0) return [];
  const end = reportEnd(asOf, now);
  const start = new Date(end.getTime() - 90 * 86_400_000);
  const ids = sql`${sql.param(clientIds)}::uuid[]`;
  const notCorrected = sql`not exists (select 1 from pulse_entries x where x.corrects_entry_id = e.id)`;
  return (await rows(
    db,
    sql`(select e.client_id, e.rank, e.effective_at as at, e.recorded_at from pulse_entries e
         where e.org_id = ${orgId} and e.client_id = any(${ids}) and e.effective_at >= ${start} and e.effective_at < ${end} and ${notCorrected})
        union all
        (select distinct on (e.client_id) e.client_id, e.rank, ${start}::timestamptz as at, e.recorded_at from pulse_entries e
         where e.org_id = ${orgId} and e.client_id = any(${ids}) and e.effective_at < ${start} and ${notCorrected}
         order by e.client_id, e.effective_at desc, e.recorded_at desc)
        order by client_id, at, recorded_at`,
  )) as { client_id: string; rank: number; at: Date | string }[];
}
