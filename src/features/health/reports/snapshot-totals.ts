import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { pulseRank } from "../pulses/pulse-levels.js";
import type { ReportFilter } from "./contract.js";
import { pageRanks, type RankCount } from "./page-ranks.js";
import { type Breakdown, type ClientListRow, type ListOptions, listTotal, pageOfRanks } from "./store.js";

type Row = Record<string, unknown>;
const rows = async (db: Db, query: SQL): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;

/**
 * Whether the daily totals (snapshots/schema.ts) answer the filter: they hold level, client type, CSM
 * (not per reason) and status; the date ranges on client since, renewal and last update need each client.
 */
export function snapshotAnswers(filter: ReportFilter, report: "health" | "reasons"): boolean {
  const perClient = [
    filter.clientSinceFrom,
    filter.clientSinceTo,
    filter.renewalFrom,
    filter.renewalTo,
    filter.updatedFrom,
    filter.updatedTo,
  ].some((v) => v !== undefined);
  return !perClient && !(report === "reasons" && filter.assignedTo?.length);
}

const measured = (measure: ReportFilter["measure"]) =>
  measure === "count" ? sql`t.clients` : sql.raw(`t.${measure}_minor`);

/** The filter over the totals rows `t` of the day (the same fields and rules as reportWhere). */
function totalsWhere(orgId: string, filter: ReportFilter, options: { levels: boolean }): SQL {
  const parts: SQL[] = [sql`t.org_id = ${orgId}`, sql`t.day = ${filter.asOf}::date`];
  if (options.levels && filter.levels?.length) {
    const ranks = filter.levels.filter((l) => l !== "none").map((l) => pulseRank(l));
    const orNone = filter.levels.includes("none") ? sql` or t.rank is null` : sql``;
    parts.push(sql`(t.rank = any(${sql.param(ranks)}::int[])${orNone})`);
  }
  if (filter.clientTypes?.length) parts.push(sql`t.client_type = any(${sql.param(filter.clientTypes)}::text[])`);
  if (filter.assignedTo?.length) {
    const ids = filter.assignedTo.filter((a) => a !== "unassigned");
    const orUnassigned = filter.assignedTo.includes("unassigned") ? sql` or t.assigned_csm_id is null` : sql``;
    parts.push(sql`(t.assigned_csm_id::text = any(${sql.param(ids)}::text[])${orUnassigned})`);
  }
  if (filter.statuses?.length) parts.push(sql`t.status = any(${sql.param(filter.statuses)}::text[])`);
  return sql.join(parts, sql` and `);
}

const byRank = (list: Row[]): Breakdown =>
  list.map((r) => ({ rank: r.rank === null ? null : Number(r.rank), count: Number(r.count), value: Number(r.value) }));

/** The health report from the day's totals: the breakdown per level, and the page from its levels' entries. */
export async function snapshotHealthReport(
  db: Db,
  orgId: string,
  filter: ReportFilter,
  now: Date,
  options: ListOptions,
): Promise<{ breakdown: Breakdown; total: number; page: ClientListRow[] } | null> {
  const breakdown = byRank(
    await rows(
      db,
      sql`select t.rank, sum(t.clients)::int as count, coalesce(sum(${measured(filter.measure)}), 0)::float8 as value
          from health_snapshot_totals t where not t.by_reason and ${totalsWhere(orgId, filter, { levels: false })}
          group by t.rank`,
    ),
  );
  const levels = new Set((filter.levels ?? []).map((l) => (l === "none" ? null : pulseRank(l))));
  const listed: RankCount[] = breakdown.filter((b) => levels.size === 0 || levels.has(b.rank));
  const ranks = pageRanks(listed, filter);
  if (!ranks) return null;
  const page = await pageOfRanks(db, orgId, filter, now, { ...ranks, reasons: false }, options);
  return { breakdown, total: listTotal(breakdown, filter), page };
}

type ReasonRow = {
  reason_code_id: string;
  code: string;
  label: string;
  category: string;
  kind: string;
  count: number;
  value: number;
};

/** The reasons report from the day's totals: per reason, with and without one, the drilled count and the page. */
export async function snapshotReasonsReport(
  db: Db,
  orgId: string,
  filter: ReportFilter,
  now: Date,
  options: ListOptions,
) {
  const where = totalsWhere(orgId, filter, { levels: true });
  const m = measured(filter.measure);
  const reasons = (await rows(
    db,
    sql`select rc.id as reason_code_id, rc.code, rc.label, rc.category, rc.kind, r.count, r.value
        from (select t.reason_code_id, sum(t.clients)::int as count, coalesce(sum(${m}), 0)::float8 as value
              from health_snapshot_totals t where t.by_reason and t.reason_code_id is not null and ${where}
              group by t.reason_code_id) r
        join reason_codes rc on rc.id = r.reason_code_id
        order by r.count desc, rc.label asc`,
  )) as unknown as ReasonRow[];
  const [sums] = await rows(
    db,
    sql`select coalesce(sum(t.clients) filter (where not t.by_reason), 0)::int as count,
          coalesce(sum(${m}) filter (where not t.by_reason), 0)::float8 as value,
          coalesce(sum(t.clients) filter (where t.by_reason and t.reason_code_id is null), 0)::int as without_count,
          coalesce(sum(${m}) filter (where t.by_reason and t.reason_code_id is null), 0)::float8 as without_value
        from health_snapshot_totals t where ${where}`,
  );
  const listed = byRank(
    await rows(
      db,
      filter.reasonCodeId
        ? sql`select t.rank, sum(t.clients)::int as count, 0 as value from health_snapshot_totals t
              where t.by_reason and t.reason_code_id = ${filter.reasonCodeId}::uuid and ${where} group by t.rank`
        : sql`select t.rank, sum(t.clients)::int as count, 0 as value from health_snapshot_totals t
              where not t.by_reason and ${where} group by t.rank`,
    ),
  );
  const ranks = pageRanks(listed, filter);
  if (!ranks) return null;
  const page = await pageOfRanks(db, orgId, filter, now, { ...ranks, reasons: true }, options);
  return {
    reasons,
    totals: { count: Number(sums?.count), value: Number(sums?.value) },
    without: { count: Number(sums?.without_count), value: Number(sums?.without_value) },
    total: listed.reduce((n, r) => n + r.count, 0),
    page,
  };
}
