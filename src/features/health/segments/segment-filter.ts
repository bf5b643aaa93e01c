import { levelOfRank } from "../pulses/pulse-levels.js";
import type { SegmentFilter } from "./contract.js";
import { addDays, type IsoDate, resolveQuarterShortcut } from "./quarters.js";

/** A filter whose relative parts ("within 30 days", "next quarter", "not set in 30 days") are absolute dates. */
export type ResolvedSegmentFilter = Omit<
  SegmentFilter,
  "pulseNotSetDays" | "renewalFrom" | "renewalTo" | "renewalWithinDays" | "renewalQuarter" | "archived"
> & {
  archived: NonNullable<SegmentFilter["archived"]>;
  /** Renewal on or after this date (inclusive)… */
  renewalFrom?: IsoDate;
  /** …and before this date (exclusive). */
  renewalToExclusive?: IsoDate;
  /** Clients whose pulse took effect before the start of this day (UTC), or was never set. */
  pulseSetBefore?: IsoDate;
};

const later = (a: IsoDate | undefined, b: IsoDate | undefined) => (a && b ? (a > b ? a : b) : (a ?? b));
const earlier = (a: IsoDate | undefined, b: IsoDate | undefined) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * Turns the relative parts of a filter into dates as of `today` (the organization's fiscal year starts
 * in `fiscalStartMonth`). Several renewal parts all apply: the result is the overlap of their ranges.
 */
export function resolveSegmentFilter(filter: SegmentFilter, today: IsoDate, fiscalStartMonth: number) {
  const {
    pulseNotSetDays,
    renewalFrom: from,
    renewalTo: to,
    renewalWithinDays,
    renewalQuarter,
    archived,
    ...rest
  } = filter;
  let renewalFrom: IsoDate | undefined = from;
  let renewalToExclusive: IsoDate | undefined = to ? addDays(to, 1) : undefined;
  if (renewalWithinDays !== undefined) {
    renewalFrom = later(renewalFrom, today);
    renewalToExclusive = earlier(renewalToExclusive, addDays(today, renewalWithinDays + 1));
  }
  if (renewalQuarter) {
    const quarter = resolveQuarterShortcut(renewalQuarter, today, fiscalStartMonth);
    renewalFrom = later(renewalFrom, quarter.from);
    renewalToExclusive = earlier(renewalToExclusive, quarter.toExclusive);
  }
  const resolved: ResolvedSegmentFilter = { ...rest, archived: archived ?? "exclude" };
  if (renewalFrom) resolved.renewalFrom = renewalFrom;
  if (renewalToExclusive) resolved.renewalToExclusive = renewalToExclusive;
  // "More than N days": a pulse set N days ago (or later) is recent enough; N + 1 days ago is not.
  if (pulseNotSetDays !== undefined) resolved.pulseSetBefore = addDays(today, -pulseNotSetDays);
  return resolved;
}

/** Clients the resolved filter keeps, judged in memory: the reference semantics the SQL must match. */
export type FilterableClient = {
  name: string;
  externalId: string | null;
  clientType: string;
  assignedCsmId: string | null;
  status: string;
  tags: string[];
  clientSince: IsoDate | null;
  arrMinor: number;
  rank: number | null;
  pulseSetAt: Date | null;
  reasonCodeIds: string[];
  successScore: number | null;
  usage: number | null;
  nextRenewalDate: IsoDate | null;
  archived: boolean;
};

export const USAGE_FLAT_BAND = { below: 45, above: 55 } as const;

export function usageTrendOf(usage: number | null): "declining" | "flat" | "growing" | "no_data" {
  if (usage === null) return "no_data";
  if (usage < USAGE_FLAT_BAND.below) return "declining";
  if (usage > USAGE_FLAT_BAND.above) return "growing";
  return "flat";
}

const any = <T>(values: readonly T[] | undefined, test: (v: T) => boolean) =>
  !values || values.length === 0 || values.some(test);
const within = (v: number | string | null, min?: number | string, max?: number | string) =>
  (min === undefined && max === undefined) ||
  (v !== null && (min === undefined || v >= min) && (max === undefined || v <= max));

/** Whether a client matches; used by tests as the oracle for the SQL in store.ts. */
export function matchesSegment(c: FilterableClient, f: ResolvedSegmentFilter): boolean {
  const q = f.q?.toLowerCase();
  const hay = [c.name, c.externalId ?? "", c.clientType, ...c.tags].map((s) => s.toLowerCase());
  return (
    (f.archived === "include" || (f.archived === "only") === c.archived) &&
    (!q || hay.some((s) => s.includes(q))) &&
    any(f.clientTypes, (t) => t === c.clientType) &&
    any(f.assignedTo, (a) => (a === "unassigned" ? c.assignedCsmId === null : a === c.assignedCsmId)) &&
    any(f.statuses, (s) => s === c.status) &&
    any(f.tags, (t) => c.tags.includes(t)) &&
    within(c.clientSince, f.clientSinceFrom, f.clientSinceTo) &&
    within(c.arrMinor, f.arrMin, f.arrMax) &&
    any(f.levels, (l) => (l === "none" ? c.rank === null : c.rank !== null && levelOfRank(c.rank) === l)) &&
    any(f.reasonCodeIds, (r) => c.reasonCodeIds.includes(r)) &&
    within(c.successScore, f.scoreMin, f.scoreMax) &&
    (!f.pulseSetBefore || c.pulseSetAt === null || c.pulseSetAt < new Date(`${f.pulseSetBefore}T00:00:00Z`)) &&
    (!f.renewalFrom || (c.nextRenewalDate !== null && c.nextRenewalDate >= f.renewalFrom)) &&
    (!f.renewalToExclusive || (c.nextRenewalDate !== null && c.nextRenewalDate < f.renewalToExclusive)) &&
    any(f.usageTrends, (u) => u === usageTrendOf(c.usage))
  );
}
