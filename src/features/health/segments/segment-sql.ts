import { type SQL, sql } from "drizzle-orm";
import { pulseRank } from "../pulses/pulse-levels.js";
import type { SegmentSort } from "./contract.js";
import { type ResolvedSegmentFilter, USAGE_FLAT_BAND } from "./segment-filter.js";

const textArray = (values: readonly string[]) => sql`${sql.param(values)}::text[]`;
/** Ids the contract already checked are uuids, so the column's index can be used. */
const uuidArray = (values: readonly string[]) => sql`${sql.param(values)}::uuid[]`;
const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The client's current pulse entry, cached on the client with each pulse (as the reports read it). */
export const currentEntryId = sql`c.current_pulse_entry_id`;

/**
 * The latest kept SuccessScore of each client (newest day, then newest formula version) and the value
 * of its usage component (0-100, 50 = flat), as `s.score` and `s.usage`.
 */
export const latestScoreJoin = sql`
  left join lateral (
    select ss.score::int as score,
      (select (x->>'value')::float8 from jsonb_array_elements(ss.components) x where x->>'key' = 'usage') as usage
    from success_scores ss
    where ss.client_id = c.id and ss.org_id = c.org_id
    order by ss.day desc, ss.formula_version desc limit 1
  ) s on true`;

/** Whether the filter reads the latest score (so a count can skip that join when it does not). */
export const needsScore = (f: ResolvedSegmentFilter) =>
  f.scoreMin !== undefined || f.scoreMax !== undefined || (f.usageTrends?.length ?? 0) > 0;

const USAGE_SQL: Record<string, SQL> = {
  declining: sql`s.usage < ${USAGE_FLAT_BAND.below}`,
  flat: sql`s.usage between ${USAGE_FLAT_BAND.below} and ${USAGE_FLAT_BAND.above}`,
  growing: sql`s.usage > ${USAGE_FLAT_BAND.above}`,
  no_data: sql`s.usage is null`,
};

const anyOf = (parts: SQL[]) => sql`(${sql.join(parts, sql` or `)})`;

/**
 * The resolved filter as a WHERE clause over `clients c` (and `s` from latestScoreJoin when needsScore):
 * always scoped to the organization; AND across parts, OR within one. Mirrors matchesSegment().
 */
export function segmentWhere(orgId: string, f: ResolvedSegmentFilter): SQL {
  const parts: SQL[] = [sql`c.org_id = ${orgId}`];
  if (f.archived === "exclude") parts.push(sql`c.archived_at is null`);
  if (f.archived === "only") parts.push(sql`c.archived_at is not null`);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    parts.push(
      sql`(c.name ilike ${like} or c.external_id ilike ${like} or c.client_type ilike ${like}
        or exists (select 1 from unnest(c.tags) t where t ilike ${like}))`,
    );
  }
  if (f.clientTypes?.length) parts.push(sql`c.client_type = any(${textArray(f.clientTypes)})`);
  if (f.assignedTo?.length) {
    const ids = f.assignedTo.filter((a) => a !== "unassigned");
    const options = [sql`c.assigned_csm_id = any(${uuidArray(ids)})`];
    if (f.assignedTo.includes("unassigned")) options.push(sql`c.assigned_csm_id is null`);
    parts.push(anyOf(options));
  }
  if (f.statuses?.length) parts.push(sql`c.status = any(${textArray(f.statuses)})`);
  if (f.tags?.length) parts.push(sql`c.tags && ${textArray(f.tags)}`);
  if (f.clientSinceFrom) parts.push(sql`c.client_since >= ${f.clientSinceFrom}::date`);
  if (f.clientSinceTo) parts.push(sql`c.client_since <= ${f.clientSinceTo}::date`);
  if (f.arrMin !== undefined) parts.push(sql`c.arr_minor >= ${f.arrMin}`);
  if (f.arrMax !== undefined) parts.push(sql`c.arr_minor <= ${f.arrMax}`);
  if (f.levels?.length) {
    const ranks = f.levels.filter((l) => l !== "none").map((l) => pulseRank(l));
    const options = [sql`c.current_pulse_rank = any(${sql.param(ranks)}::int[])`];
    if (f.levels.includes("none")) options.push(sql`c.current_pulse_rank is null`);
    parts.push(anyOf(options));
  }
  if (f.reasonCodeIds?.length) {
    parts.push(sql`exists (select 1 from pulse_entry_reasons r
      where r.entry_id = ${currentEntryId} and r.reason_code_id = any(${uuidArray(f.reasonCodeIds)}))`);
  }
  if (f.scoreMin !== undefined) parts.push(sql`s.score >= ${f.scoreMin}`);
  if (f.scoreMax !== undefined) parts.push(sql`s.score <= ${f.scoreMax}`);
  if (f.pulseSetBefore) {
    parts.push(sql`(c.current_pulse_at is null or c.current_pulse_at < ${startOfDay(f.pulseSetBefore)})`);
  }
  if (f.renewalFrom) parts.push(sql`c.next_renewal_date >= ${f.renewalFrom}::date`);
  if (f.renewalToExclusive) parts.push(sql`c.next_renewal_date < ${f.renewalToExclusive}::date`);
  if (f.usageTrends?.length) parts.push(anyOf(f.usageTrends.map((u) => USAGE_SQL[u] as SQL)));
  return sql.join(parts, sql` and `);
}

/** Every sort ends on the id, so pages never overlap or skip a client. */
const SORTS: Record<SegmentSort, string> = {
  name: "c.name asc, c.id asc",
  "-name": "c.name desc, c.id asc",
  arr: "c.arr_minor asc, c.name asc, c.id asc",
  "-arr": "c.arr_minor desc, c.name asc, c.id asc",
  renewal: "c.next_renewal_date asc nulls last, c.name asc, c.id asc",
  "-renewal": "c.next_renewal_date desc nulls last, c.name asc, c.id asc",
  pulse: "c.current_pulse_rank asc nulls last, c.name asc, c.id asc",
  "-pulse": "c.current_pulse_rank desc nulls last, c.name asc, c.id asc",
  score: "s.score asc nulls last, c.name asc, c.id asc",
  "-score": "s.score desc nulls last, c.name asc, c.id asc",
  updated: "c.current_pulse_at asc nulls first, c.name asc, c.id asc",
  "-updated": "c.current_pulse_at desc nulls last, c.name asc, c.id asc",
};
export const segmentOrder = (sort: SegmentSort): SQL => sql.raw(SORTS[sort]);

/** The columns a client list and an export show; types are cast so PGlite and node-postgres agree. */
export const clientColumns = sql`
  c.id, c.external_id, c.name, c.client_type, c.status, c.assigned_csm_id,
  u.name as csm_name, u.email as csm_email,
  c.arr_minor::float8 as arr_minor, c.mrr_minor::float8 as mrr_minor, c.acv_minor::float8 as acv_minor,
  c.currency, c.next_renewal_date::text as next_renewal_date, c.client_since::text as client_since,
  to_json(c.tags) as tags, c.current_pulse_rank::int as rank,
  to_char(c.current_pulse_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as pulse_at,
  s.score, s.usage, (c.archived_at is not null) as archived`;

export const clientFrom = (withScore: boolean) =>
  sql`clients c left join users u on u.id = c.assigned_csm_id ${withScore ? latestScoreJoin : sql``}`;
