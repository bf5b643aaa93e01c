import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";

type Row = Record<string, unknown>;
const parsed = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

export type BookRow = {
  csm_id: string;
  csm_name: string | null;
  clients: number;
  arr: number;
  at_risk: number;
  at_risk_arr: number;
  stale: number;
  stale_arr: number;
  r30: number;
  r30_arr: number;
  r60: number;
  r60_arr: number;
  r90: number;
  r90_arr: number;
  alerts: number;
  renewing: { id: string; name: string; arr: number; next_renewal_date: string | null; rank: number | null }[];
  movers: {
    id: string;
    name: string;
    arr: number;
    next_renewal_date: string | null;
    rank: number | null;
    prev_rank: number | null;
  }[];
};

/**
 * The books of the given CSMs in one statement: counts and ARR of their active clients, those at risk
 * (rank at or below `riskRank`), stale pulses, renewals within 30/60/90 days, unclaimed alerts, the
 * clients renewing within 90 days, and the five whose pulse moved most since a week ago.
 */
export async function books(
  db: Db,
  orgId: string,
  csmIds: string[],
  at: { today: string; now: Date; staleBefore: Date; weekAgo: Date; riskRank: number },
): Promise<BookRow[]> {
  if (csmIds.length === 0) return [];
  const ids = sql`${sql.param(csmIds)}::uuid[]`;
  const today = sql`${at.today}::date`;
  const within = (days: number) =>
    sql`c.next_renewal_date >= ${today} and c.next_renewal_date <= ${today} + ${days}::int`;
  const result = (await db.execute(sql`
    with c as materialized (
      select c.id, c.name, c.assigned_csm_id, c.arr_minor, c.next_renewal_date, c.current_pulse_rank as rank,
        c.current_pulse_at
      from clients c
      where c.org_id = ${orgId} and c.archived_at is null and c.assigned_csm_id = any(${ids})
    ),
    prev as (
      select distinct on (e.client_id) e.client_id, e.rank
      from pulse_entries e join c on c.id = e.client_id
      where e.org_id = ${orgId} and e.effective_at < ${at.weekAgo}
        and not exists (select 1 from pulse_entries x where x.corrects_entry_id = e.id)
      order by e.client_id, e.effective_at desc, e.recorded_at desc
    )
    select u.id as csm_id, u.name as csm_name,
      (select count(*)::int from c where c.assigned_csm_id = u.id) as clients,
      (select coalesce(sum(arr_minor), 0)::float8 from c where c.assigned_csm_id = u.id) as arr,
      (select count(*)::int from c where c.assigned_csm_id = u.id and c.rank <= ${at.riskRank}) as at_risk,
      (select coalesce(sum(arr_minor), 0)::float8 from c where c.assigned_csm_id = u.id and c.rank <= ${at.riskRank}) as at_risk_arr,
      (select count(*)::int from c where c.assigned_csm_id = u.id and c.current_pulse_at < ${at.staleBefore}) as stale,
      (select coalesce(sum(arr_minor), 0)::float8 from c where c.assigned_csm_id = u.id and c.current_pulse_at < ${at.staleBefore}) as stale_arr,
      (select count(*)::int from c where c.assigned_csm_id = u.id and ${within(30)}) as r30,
      (select coalesce(sum(arr_minor), 0)::float8 from c where c.assigned_csm_id = u.id and ${within(30)}) as r30_arr,
      (select count(*)::int from c where c.assigned_csm_id = u.id and ${within(60)}) as r60,
      (select coalesce(sum(arr_minor), 0)::float8 from c where c.assigned_csm_id = u.id and ${within(60)}) as r60_arr,
      (select count(*)::int from c where c.assigned_csm_id = u.id and ${within(90)}) as r90,
      (select coalesce(sum(arr_minor), 0)::float8 from c where c.assigned_csm_id = u.id and ${within(90)}) as r90_arr,
      (select count(*)::int from alerts a join c on c.id = a.client_id
        where a.org_id = ${orgId} and a.claimed_by is null and c.assigned_csm_id = u.id) as alerts,
      (select coalesce(json_agg(y order by y.next_renewal_date, y.name), '[]'::json) from (
        select c.id, c.name, c.arr_minor::float8 as arr, c.next_renewal_date::text as next_renewal_date, c.rank
        from c where c.assigned_csm_id = u.id and ${within(90)}
        order by c.next_renewal_date, c.name limit 20) y) as renewing,
      (select coalesce(json_agg(y order by y.ord), '[]'::json) from (
        select c.id, c.name, c.arr_minor::float8 as arr, c.next_renewal_date::text as next_renewal_date, c.rank,
          prev.rank as prev_rank,
          row_number() over (order by abs(c.rank - prev.rank) desc, c.rank asc, c.name) as ord
        from c join prev on prev.client_id = c.id
        where c.assigned_csm_id = u.id and c.rank is distinct from prev.rank
        order by abs(c.rank - prev.rank) desc, c.rank asc, c.name limit 5) y) as movers
    from users u where u.id = any(${ids})
    order by u.name`)) as unknown as { rows: Row[] };
  return result.rows.map((r) => ({
    ...(r as unknown as BookRow),
    arr: Number(r.arr),
    at_risk_arr: Number(r.at_risk_arr),
    stale_arr: Number(r.stale_arr),
    r30_arr: Number(r.r30_arr),
    r60_arr: Number(r.r60_arr),
    r90_arr: Number(r.r90_arr),
    renewing: parsed<BookRow["renewing"]>(r.renewing),
    movers: parsed<BookRow["movers"]>(r.movers),
  }));
}

/** The members who report to `managerId` in the organization. */
export async function teamOf(db: Db, orgId: string, managerId: string): Promise<string[]> {
  const result = (await db.execute(
    sql`select user_id from memberships where org_id = ${orgId} and reports_to_user_id = ${managerId}`,
  )) as unknown as { rows: { user_id: string }[] };
  return result.rows.map((r) => r.user_id);
}
