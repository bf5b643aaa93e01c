import { type SQL, sql } from "drizzle-orm";

/**
 * One statement that writes the organization's daily totals for every day from `from` to `to` (inclusive).
 *
 * The "as of D" definition (see reports/report-sql.ts) in days: an entry is a client's pulse at the end of
 * the days [its effective day, the day its span ends) in UTC (empty when the next entry came the same day),
 * before its first such day the client has no pulse; a version holds for [valid_from, valid_until) and a
 * client archived at instant A is left out from A's day on. Intersecting each client's version ranges with
 * its pulse ranges gives the pieces of constant state (about one per entry). Each piece adds its client to
 * its group on its first day and takes it away after its last; a running sum of those changes per group
 * gives every day's totals without visiting 100,000 clients per day.
 */
export function buildTotalsSql(orgId: string, from: string, to: string): SQL {
  const utcDay = (column: string) => sql.raw(`(${column} at time zone 'UTC')::date`);
  return sql`
    insert into health_snapshot_totals (org_id, day, by_reason, reason_code_id, rank, client_type, assigned_csm_id,
      status, clients, arr_minor, mrr_minor, acv_minor)
    with live as (
      select e.client_id, e.rank, e.reason_code_ids,
        daterange(${utcDay("e.effective_at")}, ${utcDay("e.valid_until")}) as r
      from pulse_entries e
      where e.org_id = ${orgId}
        and (e.valid_until is null or ${utcDay("e.valid_until")} > ${utcDay("e.effective_at")})),
    pulse_ranges as (
      select client_id, rank, reason_code_ids, r from live
      union all
      select c.id, null::smallint, '{}'::uuid[], daterange(null, f.first_day)
      from clients c left join (select client_id, min(lower(r)) as first_day from live group by client_id) f
        on f.client_id = c.id
      where c.org_id = ${orgId}),
    version_ranges as (
      select v.client_id, v.client_type, v.assigned_csm_id, v.status, v.arr_minor, v.mrr_minor, v.acv_minor,
        daterange(v.valid_from, v.valid_until) * daterange(null, ${utcDay("v.archived_at")})
          * daterange(${from}::date, (${to}::date + 1)) as r
      from client_versions v
      where v.org_id = ${orgId} and (v.valid_until is null or v.valid_until > v.valid_from)),
    pieces as (
      select v.client_type, v.assigned_csm_id, v.status, v.arr_minor, v.mrr_minor, v.acv_minor, p.rank,
        p.reason_code_ids, v.r * p.r as r
      from version_ranges v join pulse_ranges p on p.client_id = v.client_id and p.r && v.r
      where not isempty(v.r)),
    rows as (
      select false as by_reason, null::uuid as reason_code_id, rank, client_type, assigned_csm_id, status,
        arr_minor, mrr_minor, acv_minor, lower(r) as d0, upper(r) as d1
      from pieces
      union all
      select true, u.reason_code_id, rank, client_type, null::uuid, status,
        arr_minor, mrr_minor, acv_minor, lower(r), upper(r)
      from pieces left join lateral unnest(pieces.reason_code_ids) as u(reason_code_id) on true),
    changes as (
      select by_reason, reason_code_id, rank, client_type, assigned_csm_id, status, day,
        sum(n)::int as n, sum(arr)::bigint as arr, sum(mrr)::bigint as mrr, sum(acv)::bigint as acv
      from (
        select by_reason, reason_code_id, rank, client_type, assigned_csm_id, status, d0 as day,
          1 as n, arr_minor as arr, mrr_minor as mrr, acv_minor as acv from rows
        union all
        select by_reason, reason_code_id, rank, client_type, assigned_csm_id, status, d1,
          -1, -arr_minor, -mrr_minor, -acv_minor from rows where d1 <= ${to}::date) x
      group by by_reason, reason_code_id, rank, client_type, assigned_csm_id, status, day),
    running as (
      select by_reason, reason_code_id, rank, client_type, assigned_csm_id, status, day,
        lead(day, 1, ${to}::date + 1) over w as next_day,
        sum(n) over w as n, sum(arr) over w as arr, sum(mrr) over w as mrr, sum(acv) over w as acv
      from changes
      window w as (partition by by_reason, reason_code_id, rank, client_type, assigned_csm_id, status order by day))
    select ${orgId}::uuid, d.day::date, by_reason, reason_code_id, rank, client_type, assigned_csm_id, status,
      n, arr, mrr, acv
    from running cross join lateral generate_series(running.day, running.next_day - 1, interval '1 day') as d(day)
    where n > 0`;
}
