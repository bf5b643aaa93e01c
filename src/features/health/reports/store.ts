import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import type { ReportFilter } from "./contract.js";
import { measureColumn, orderBy, reportBase, reportEnd, reportWhere } from "./report-sql.js";

type Row = Record<string, unknown>;
const rows = async (db: Db, query: SQL): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;

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
  pulse_at: Date | string | null;
};

/** Count and measure per pulse level (null rank = no pulse yet). */
export async function levelBreakdown(db: Db, orgId: string, filter: ReportFilter, now: Date) {
  const base = reportBase(orgId, filter, now, false);
  return (await rows(
    db,
    sql`with b as (${base})
      select b.rank, count(*)::int as count, coalesce(sum(${measureColumn(filter.measure)}), 0)::float8 as value
      from b where ${reportWhere(filter, { levels: false })} group by b.rank`,
  )) as { rank: number | null; count: number; value: number }[];
}

/** Count and measure per reason code of each client's current pulse, plus clients whose pulse has none. */
export async function reasonBreakdown(db: Db, orgId: string, filter: ReportFilter, now: Date) {
  const base = reportBase(orgId, filter, now, true);
  const where = reportWhere(filter, { levels: true });
  const m = measureColumn(filter.measure);
  const byReason = await rows(
    db,
    sql`with b as (${base})
      select r.id as reason_code_id, r.code, r.label, r.category, r.kind,
        count(*)::int as count, coalesce(sum(${m}), 0)::float8 as value
      from b join pulse_entry_reasons per on per.entry_id = b.entry_id
      join reason_codes r on r.id = per.reason_code_id
      where ${where} group by r.id, r.code, r.label, r.category, r.kind
      order by count desc, r.label asc`,
  );
  const [totals] = await rows(
    db,
    sql`with b as (${base})
      select count(*)::int as count, coalesce(sum(${m}), 0)::float8 as value,
        count(*) filter (where not exists (select 1 from pulse_entry_reasons per where per.entry_id = b.entry_id))::int as without_count,
        coalesce(sum(${m}) filter (where not exists (select 1 from pulse_entry_reasons per where per.entry_id = b.entry_id)), 0)::float8 as without_value
      from b where ${where}`,
  );
  return { byReason, totals: totals ?? {} };
}

/** One page of the filtered clients with their CSM's name; `valueColumn` is the money shown per client. */
export async function clientPage(
  db: Db,
  orgId: string,
  filter: ReportFilter,
  now: Date,
  options: { valueColumn: "arr" | "mrr" | "acv"; withEntry: boolean },
) {
  const base = reportBase(orgId, filter, now, options.withEntry);
  const reasonFilter = filter.reasonCodeId
    ? sql` and exists (select 1 from pulse_entry_reasons per where per.entry_id = b.entry_id and per.reason_code_id = ${filter.reasonCodeId})`
    : sql``;
  const where = sql`${reportWhere(filter, { levels: true })}${reasonFilter}`;
  const page = (await rows(
    db,
    sql`with b as (${base})
      select b.id, b.name, b.client_type, b.assigned_csm_id, u.name as csm_name, b.status, b.currency,
        b.next_renewal_date::text as next_renewal_date, b.rank, b.pulse_at,
        ${sql.raw(`b.${options.valueColumn}_minor`)}::float8 as value
      from b left join users u on u.id = b.assigned_csm_id
      where ${where} order by ${orderBy(filter.sort)} limit ${filter.limit} offset ${filter.offset}`,
  )) as ClientListRow[];
  const [total] = await rows(db, sql`with b as (${base}) select count(*)::int as n from b where ${where}`);
  return { page, total: Number(total?.n ?? 0) };
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
