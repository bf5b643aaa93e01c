import { type SQL, sql } from "drizzle-orm";
import { pulseRank } from "../pulses/pulse-levels.js";
import type { ReportFilter } from "./contract.js";

const DAY_MS = 86_400_000;

/** The end of the report day: "as of 2026-03-31" means everything known to take effect by the end of that day (UTC). */
export const reportEnd = (asOf: string | undefined, now: Date): Date =>
  asOf ? new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY_MS) : new Date(now.getTime() + 1);

const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

/**
 * The CTEs that end in `b`: every client of the organization with the fields and pulse reports filter
 * on. Without "as of", b is a plain scan of the current fields and the cached current pulse (and its
 * reason codes), cheaper to repeat than to store. With it, v and p are each client's version and pulse
 * entry whose span (valid_from/effective_at until valid_until, kept by the stores on every append)
 * contains the end of that day: two lookups by span instead of a pass over the whole history (pulses:
 * index-only in their GiST index; versions, about one per client, are filtered in a scan), and one join, since a version carries copies of the client's undated
 * fields. b is materialized because the report reads it twice. `reasons` adds the entry's reason codes
 * (its own copy, in the index too).
 */
export function reportClients(
  orgId: string,
  filter: ReportFilter,
  now: Date,
  options: { reasons: boolean; ranks?: number[] },
): SQL {
  const end = reportEnd(filter.asOf, now);
  if (!filter.asOf) {
    return sql`b as not materialized (
      select c.id, c.name, c.client_type, c.assigned_csm_id, c.status, c.arr_minor, c.mrr_minor, c.acv_minor,
        c.currency, c.next_renewal_date, c.client_since,
        c.current_pulse_rank as rank, c.current_pulse_at as pulse_at, c.current_pulse_entry_id as entry_id,
        c.current_reason_code_ids as reason_ids
      from clients c
      where c.org_id = ${orgId} and c.archived_at is null)`;
  }
  const reasonIds = options.reasons ? sql`coalesce(p.reason_code_ids, '{}'::uuid[])` : sql`'{}'::uuid[]`;
  if (options.ranks) return clientsOfRanks(orgId, filter.asOf, end, options.ranks, reasonIds);
  return sql`
    v as not materialized (
      select v.client_id, v.name, v.client_type, v.assigned_csm_id, v.status, v.arr_minor, v.mrr_minor, v.acv_minor,
        v.currency, v.next_renewal_date, v.client_since, v.archived_at
      from client_versions v
      where v.org_id = ${orgId} and v.valid_from <= ${filter.asOf}::date
        and (v.valid_until is null or v.valid_until > ${filter.asOf}::date)),
    p as not materialized (
      select e.client_id, e.id, e.rank, e.effective_at${options.reasons ? sql`, e.reason_code_ids` : sql``}
      from pulse_entries e
      where e.org_id = ${orgId} and tstzrange(e.effective_at, e.valid_until, '[)') @> (${end}::timestamptz - interval '1 microsecond')),
    b as materialized (
      select v.client_id as id, v.name, v.client_type, v.assigned_csm_id, v.status, v.arr_minor, v.mrr_minor, v.acv_minor,
        v.currency, v.next_renewal_date, v.client_since, p.rank, p.effective_at as pulse_at, p.id as entry_id,
        ${reasonIds} as reason_ids
      from v left join p on p.client_id = v.client_id
      where v.archived_at is null or v.archived_at >= ${end})`;
}

/**
 * b for only the clients whose pulse at the end of the day has one of `ranks` (a page of a report read
 * from a snapshot, which knows the levels the page holds): their entries from the GiST index over (org,
 * rank, span) of migration 0016, then each one's version that day by client.
 */
function clientsOfRanks(orgId: string, asOf: string, end: Date, ranks: number[], reasonIds: SQL): SQL {
  return sql`
    p as not materialized (
      select e.client_id, e.id, e.rank, e.effective_at, e.reason_code_ids
      from pulse_entries e
      where e.org_id = ${orgId} and e.rank = any(${sql.param(ranks)}::smallint[])
        and tstzrange(e.effective_at, e.valid_until, '[)') @> (${end}::timestamptz - interval '1 microsecond')),
    b as materialized (
      select v.client_id as id, v.name, v.client_type, v.assigned_csm_id, v.status, v.arr_minor, v.mrr_minor, v.acv_minor,
        v.currency, v.next_renewal_date, v.client_since, p.rank, p.effective_at as pulse_at, p.id as entry_id,
        ${reasonIds} as reason_ids
      from p cross join lateral (
        select v.* from client_versions v
        where v.org_id = ${orgId} and v.client_id = p.client_id and v.valid_from <= ${asOf}::date
          and (v.valid_until is null or v.valid_until > ${asOf}::date)) v
      where v.archived_at is null or v.archived_at >= ${end})`;
}

/** The report filters as a WHERE clause over reportBase's columns (AND across fields, OR within one). */
export function reportWhere(filter: ReportFilter, options: { levels: boolean }): SQL {
  const parts: SQL[] = [sql`true`];
  if (options.levels) parts.push(levelsWhere(filter, "b"));
  if (filter.clientTypes?.length) parts.push(sql`b.client_type = any(${textArray(filter.clientTypes)})`);
  if (filter.assignedTo?.length) {
    const ids = filter.assignedTo.filter((a) => a !== "unassigned");
    const orUnassigned = filter.assignedTo.includes("unassigned") ? sql` or b.assigned_csm_id is null` : sql``;
    parts.push(sql`(b.assigned_csm_id::text = any(${textArray(ids)})${orUnassigned})`);
  }
  if (filter.statuses?.length) parts.push(sql`b.status = any(${textArray(filter.statuses)})`);
  if (filter.clientSinceFrom) parts.push(sql`b.client_since >= ${filter.clientSinceFrom}::date`);
  if (filter.clientSinceTo) parts.push(sql`b.client_since <= ${filter.clientSinceTo}::date`);
  if (filter.renewalFrom) parts.push(sql`b.next_renewal_date >= ${filter.renewalFrom}::date`);
  if (filter.renewalTo) parts.push(sql`b.next_renewal_date <= ${filter.renewalTo}::date`);
  if (filter.updatedFrom) parts.push(sql`b.pulse_at >= ${filter.updatedFrom}::date`);
  if (filter.updatedTo) parts.push(sql`b.pulse_at < (${filter.updatedTo}::date + 1)`);
  return sql.join(parts, sql` and `);
}

/** Only the pulse-level part of the filter (a clicked slice), over the rows named `alias`. */
export function levelsWhere(filter: ReportFilter, alias: "b" | "f"): SQL {
  if (!filter.levels?.length) return sql`true`;
  const ranks = filter.levels.filter((l) => l !== "none").map((l) => pulseRank(l));
  const orNone = filter.levels.includes("none") ? sql.raw(` or ${alias}.rank is null`) : sql``;
  return sql`(${sql.raw(alias)}.rank = any(${sql.param(ranks)}::int[])${orNone})`;
}

/** The money column the measure sums, or 1 per client for "count". */
export function measureColumn(measure: ReportFilter["measure"]): SQL {
  if (measure === "count") return sql`1`;
  return sql.raw(`b.${measure}_minor`);
}

const SORTS: Record<ReportFilter["sort"], string> = {
  name: "f.name asc, f.id",
  "-name": "f.name desc, f.id",
  value: "{value} asc, f.name asc, f.id",
  "-value": "{value} desc, f.name asc, f.id",
  renewal: "f.next_renewal_date asc nulls last, f.name asc, f.id",
  "-renewal": "f.next_renewal_date desc nulls last, f.name asc, f.id",
  level: "f.rank asc nulls last, f.name asc, f.id",
  "-level": "f.rank desc nulls last, f.name asc, f.id",
  updated: "f.pulse_at asc nulls first, f.name asc, f.id",
  "-updated": "f.pulse_at desc nulls last, f.name asc, f.id",
};
/** The list's order over rows named `alias` (the id breaks ties, so pages never overlap). */
export const orderBy = (sort: ReportFilter["sort"], valueColumn: "arr" | "mrr" | "acv", alias = "f"): SQL =>
  sql.raw(SORTS[sort].replace("{value}", `f.${valueColumn}_minor`).replaceAll("f.", `${alias}.`));
