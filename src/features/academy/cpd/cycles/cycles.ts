import type { CpdSource } from "../ledger/schema.js";
import { addDays, addMonthsToDate, daysBetween } from "./local-date.js";
import type { CpdRuleSet } from "./rule-sets.js";

/**
 * Recertification cycles, pure. Cycle k runs from anniversary k (inclusive) to anniversary k + 1
 * (exclusive); anniversary k = the achievement date + k x months, always counted from the achievement
 * date, the day clamped to the month (an achievement on 29 February has its anniversaries on 28 February
 * in other years and on 29 February again in leap years). All dates are the learner's local dates.
 *
 * Allocation walks the entries by date: each minute counts toward exactly one cycle. A minute goes to the
 * oldest cycle, up to its own, that is still short (so a lapsed certification's shortfall is made up
 * first, then the cycle it happened in), within per-source caps; what is left is "earned" in its own
 * cycle without being "applied", of which up to `carryOverMinutes` moves to the next cycle when that
 * cycle begins. Reversals (negative entries with `reversesEntryId`) are netted against their original
 * before the walk, so a rejected audit simply recomputes everything.
 */

export type CycleEntry = {
  id: string;
  source: CpdSource;
  minutes: number;
  occurredOn: string;
  reversesEntryId?: string | null;
};

export type Allocation = { entryId: string; cycleIndex: number; minutes: number; applied: boolean };

export type Cycle = {
  index: number;
  startsOn: string;
  /** Exclusive: the next anniversary. */
  endsOn: string;
  /** Minutes dated within the cycle (net of reversals). */
  earnedMinutes: number;
  /** Minutes counted toward the cycle's requirement (at most requiredMinutes). */
  appliedMinutes: number;
  remainingMinutes: number;
  /** The date the applied minutes reached the requirement, or null while short. */
  metOn: string | null;
};

export type CycleReport = { cycles: Cycle[]; allocations: Allocation[]; currentIndex: number };

/** Anniversary k of an achievement date. */
export function anniversary(achievedOn: string, months: number, k: number): string {
  return addMonthsToDate(achievedOn, months * k);
}

/** The index of the cycle `date` falls in (-1 before the achievement date). */
export function cycleIndexOf(achievedOn: string, months: number, date: string): number {
  if (date < achievedOn) return -1;
  // estimate from the calendar months, then step to the exact cycle (clamping moves days, not months)
  const [ay, am] = achievedOn.split("-").map(Number) as [number, number];
  const [dy, dm] = date.split("-").map(Number) as [number, number];
  let k = Math.max(0, Math.floor(((dy - ay) * 12 + (dm - am)) / months));
  while (k > 0 && anniversary(achievedOn, months, k) > date) k -= 1;
  while (anniversary(achievedOn, months, k + 1) <= date) k += 1;
  return k;
}

/** Nets reversals into their originals: what each entry still contributes (positive or negative). */
export function netEntries(entries: readonly CycleEntry[]): CycleEntry[] {
  const reversed = new Map<string, number>();
  for (const e of entries) {
    if (e.reversesEntryId) reversed.set(e.reversesEntryId, (reversed.get(e.reversesEntryId) ?? 0) + e.minutes);
  }
  return entries
    .filter((e) => !e.reversesEntryId)
    .map((e) => ({ ...e, minutes: e.minutes + (reversed.get(e.id) ?? 0) }))
    .filter((e) => e.minutes !== 0);
}

/** The cycles from the achievement date up to the one `today` is in, with every entry allocated. */
export function computeCycles(
  rules: CpdRuleSet,
  achievedOn: string,
  entries: readonly CycleEntry[],
  today: string,
): CycleReport {
  const months = rules.months;
  if (months === null) return { cycles: [], allocations: [], currentIndex: -1 };
  const required = rules.requiredMinutes;
  const net = netEntries(entries).sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id.localeCompare(b.id));
  const lastDate = net.reduce((max, e) => (e.occurredOn > max ? e.occurredOn : max), today);
  const currentIndex = Math.max(0, cycleIndexOf(achievedOn, months, today));
  const lastIndex = Math.max(currentIndex, cycleIndexOf(achievedOn, months, lastDate));
  const cycles: Cycle[] = [];
  const bySource: Map<CpdSource, number>[] = [];
  for (let k = 0; k <= lastIndex; k += 1) {
    cycles.push({
      index: k,
      startsOn: anniversary(achievedOn, months, k),
      endsOn: anniversary(achievedOn, months, k + 1),
      earnedMinutes: 0,
      appliedMinutes: 0,
      remainingMinutes: required,
      metOn: null,
    });
    bySource.push(new Map());
  }
  const allocations: Allocation[] = [];
  const cycleAt = (k: number) => cycles[k] as Cycle;
  const apply = (k: number, entry: CycleEntry, minutes: number, on: string) => {
    const cycle = cycleAt(k);
    cycle.appliedMinutes += minutes;
    const sources = bySource[k] as Map<CpdSource, number>;
    sources.set(entry.source, (sources.get(entry.source) ?? 0) + minutes);
    if (cycle.metOn === null && cycle.appliedMinutes >= required) cycle.metOn = on;
    allocations.push({ entryId: entry.id, cycleIndex: k, minutes, applied: true });
  };
  const roomIn = (k: number, source: CpdSource) => {
    const cap = rules.perSourceCapMinutes[source];
    const used = (bySource[k] as Map<CpdSource, number>).get(source) ?? 0;
    const capRoom = cap === undefined ? Number.POSITIVE_INFINITY : Math.max(0, cap - used);
    return Math.max(0, Math.min(required - cycleAt(k).appliedMinutes, capRoom));
  };
  let carriedInto = 0; // the last cycle that has received its carry-over
  const carryUpTo = (k: number) => {
    for (; carriedInto < k; carriedInto += 1) {
      let carry = rules.carryOverMinutes;
      const next = carriedInto + 1;
      for (const a of allocations) {
        if (carry <= 0) break;
        if (a.cycleIndex !== carriedInto || a.applied || a.minutes <= 0) continue;
        const move = Math.min(carry, a.minutes, Math.max(0, required - cycleAt(next).appliedMinutes));
        if (move <= 0) break;
        a.minutes -= move;
        carry -= move;
        const cycle = cycleAt(next);
        cycle.appliedMinutes += move;
        if (cycle.metOn === null && cycle.appliedMinutes >= required) cycle.metOn = cycle.startsOn;
        allocations.push({ entryId: a.entryId, cycleIndex: next, minutes: move, applied: true });
      }
    }
  };
  for (const entry of net) {
    const own = cycleIndexOf(achievedOn, months, entry.occurredOn);
    if (own < 0) continue; // before the achievement: part of no cycle
    carryUpTo(own);
    cycleAt(own).earnedMinutes += entry.minutes;
    if (entry.minutes < 0) {
      const cycle = cycleAt(own);
      const taken = Math.min(cycle.appliedMinutes, -entry.minutes);
      cycle.appliedMinutes -= taken;
      if (cycle.appliedMinutes < required) cycle.metOn = null;
      allocations.push({ entryId: entry.id, cycleIndex: own, minutes: -taken, applied: true });
      continue;
    }
    let left = entry.minutes;
    for (let k = 0; k <= own && left > 0; k += 1) {
      const take = Math.min(left, roomIn(k, entry.source));
      if (take > 0) {
        apply(k, entry, take, entry.occurredOn);
        left -= take;
      }
    }
    if (left > 0) allocations.push({ entryId: entry.id, cycleIndex: own, minutes: left, applied: false });
  }
  carryUpTo(lastIndex);
  for (const cycle of cycles) cycle.remainingMinutes = Math.max(0, required - cycle.appliedMinutes);
  return { cycles, allocations: allocations.filter((a) => a.minutes !== 0), currentIndex };
}

export type Standing = "on_track" | "due" | "expired" | "never_expires";

export type Recertification = {
  achievedOn: string;
  /** The next anniversary: the end of the cycle whose hours are needed now. */
  anniversaryOn: string;
  /** The certification's expiry (the end of the first short cycle, + grace days). */
  expiresOn: string;
  requiredMinutes: number;
  appliedMinutes: number;
  earnedMinutes: number;
  remainingMinutes: number;
  /** The cycle the hours count toward now (the oldest short one, or the current one when all are met). */
  cycle: Cycle;
  standing: Exclude<Standing, "never_expires">;
  /** Cycles that are met, with the date each was met: each one renews the certification once. */
  metCycles: Cycle[];
};

/** Where a holder stands today: which cycle needs hours, when the certification expires. */
export function recertification(
  rules: CpdRuleSet,
  achievedOn: string,
  entries: readonly CycleEntry[],
  today: string,
  dueWithinDays = 90,
): Recertification | null {
  if (rules.months === null) return null;
  const report = computeCycles(rules, achievedOn, entries, today);
  const upToNow = report.cycles.slice(0, report.currentIndex + 1);
  const firstShort = upToNow.find((c) => c.metOn === null);
  const cycle = firstShort ?? (report.cycles[report.currentIndex] as Cycle);
  const endOfValidity = firstShort ? firstShort.endsOn : anniversary(achievedOn, rules.months, report.currentIndex + 2);
  const expiresOn = addDays(endOfValidity, rules.graceDays);
  const daysLeft = daysBetween(today, expiresOn);
  const short = cycle.metOn === null;
  const standing = daysLeft <= 0 ? "expired" : short && daysLeft <= dueWithinDays ? "due" : "on_track";
  return {
    achievedOn,
    anniversaryOn: cycle.endsOn,
    expiresOn,
    requiredMinutes: rules.requiredMinutes,
    appliedMinutes: cycle.appliedMinutes,
    earnedMinutes: cycle.earnedMinutes,
    remainingMinutes: cycle.remainingMinutes,
    cycle,
    standing,
    metCycles: report.cycles.filter((c) => c.metOn !== null),
  };
}

export const FORECAST_WINDOW_DAYS = 90;

export type Forecast = {
  /** Minutes per day over the last 90 days. */
  paceMinutesPerDay: number;
  /** When the remaining minutes are reached at that pace (today when none remain), or null at no pace. */
  reachesOn: string | null;
  /** Whether that is before the expiry. */
  beforeExpiry: boolean;
};

/** "At your pace of the last 90 days you reach 40 h on …". */
export function forecast(
  remainingMinutes: number,
  expiresOn: string,
  entries: readonly CycleEntry[],
  today: string,
): Forecast {
  const since = addDays(today, -FORECAST_WINDOW_DAYS);
  const recent = netEntries(entries)
    .filter((e) => e.occurredOn > since && e.occurredOn <= today)
    .reduce((sum, e) => sum + e.minutes, 0);
  const pace = Math.max(0, recent) / FORECAST_WINDOW_DAYS;
  if (remainingMinutes <= 0) return { paceMinutesPerDay: pace, reachesOn: today, beforeExpiry: true };
  if (pace <= 0) return { paceMinutesPerDay: 0, reachesOn: null, beforeExpiry: false };
  const reachesOn = addDays(today, Math.ceil(remainingMinutes / pace));
  return { paceMinutesPerDay: pace, reachesOn, beforeExpiry: reachesOn < expiresOn };
}
