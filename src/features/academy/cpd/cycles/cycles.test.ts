import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CPD_SOURCES } from "../ledger/schema.js";
import { anniversary, type CycleEntry, computeCycles, cycleIndexOf, forecast, recertification } from "./cycles.js";
import { addDays, addMonthsToDate, localDate } from "./local-date.js";
import { type CpdRuleSet, RULE_SETS, ruleSetOf } from "./rule-sets.js";

const ccsmp = RULE_SETS.ccsmp as CpdRuleSet;
const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays("2020-01-01", n));
const entry = (i: number) =>
  fc
    .record({
      source: fc.constantFrom(...CPD_SOURCES),
      minutes: fc.integer({ min: 1, max: 1500 }),
      offset: fc.integer({ min: -100, max: 1500 }),
    })
    .map((r) => ({ id: `e${String(i).padStart(4, "0")}`, source: r.source, minutes: r.minutes, offset: r.offset }));
const entries = fc.array(fc.nat(), { maxLength: 40 }).chain((xs) => fc.tuple(...xs.map((_, i) => entry(i))));
const rules = fc
  .record({
    requiredMinutes: fc.integer({ min: 60, max: 4000 }),
    months: fc.constantFrom(6, 12, 24),
    graceDays: fc.integer({ min: 0, max: 60 }),
    carryOverMinutes: fc.integer({ min: 0, max: 1200 }),
    libraryCap: fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
  })
  .map(
    (r): CpdRuleSet => ({
      programKey: "p",
      requiredMinutes: r.requiredMinutes,
      months: r.months,
      graceDays: r.graceDays,
      carryOverMinutes: r.carryOverMinutes,
      perSourceCapMinutes: r.libraryCap === undefined ? {} : { library: r.libraryCap },
      reminderDays: [90, 30, 7],
      auditRatePercent: 10,
    }),
  );
const place = (
  achievedOn: string,
  list: { id: string; source: CycleEntry["source"]; minutes: number; offset: number }[],
) => list.map((e) => ({ id: e.id, source: e.source, minutes: e.minutes, occurredOn: addDays(achievedOn, e.offset) }));

describe("recertification cycles", () => {
  it("every date from the achievement on lies in exactly one cycle, and cycles tile the calendar", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), fc.constantFrom(1, 6, 12), (achievedOn, offset, months) => {
        const date = addDays(achievedOn, offset);
        const k = cycleIndexOf(achievedOn, months, date);
        expect(anniversary(achievedOn, months, k) <= date).toBe(true);
        expect(date < anniversary(achievedOn, months, k + 1)).toBe(true);
        expect(anniversary(achievedOn, months, k) < anniversary(achievedOn, months, k + 1)).toBe(true);
        expect(cycleIndexOf(achievedOn, months, addDays(achievedOn, -1))).toBe(-1);
      }),
    );
  });

  it("an anniversary on 29 February falls on 28 February in other years and on 29 February in leap years", () => {
    expect(anniversary("2024-02-29", 12, 1)).toBe("2025-02-28");
    expect(anniversary("2024-02-29", 12, 3)).toBe("2027-02-28");
    expect(anniversary("2024-02-29", 12, 4)).toBe("2028-02-29");
    expect(cycleIndexOf("2024-02-29", 12, "2025-02-27")).toBe(0);
    expect(cycleIndexOf("2024-02-29", 12, "2025-02-28")).toBe(1);
    expect(cycleIndexOf("2024-02-29", 12, "2028-02-28")).toBe(3);
    expect(cycleIndexOf("2024-02-29", 12, "2028-02-29")).toBe(4);
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 40 }), (year, k) => {
        const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        fc.pre(leap(year));
        const a = anniversary(`${year}-02-29`, 12, k);
        expect(a).toBe(`${year + k}-02-${leap(year + k) ? "29" : "28"}`);
      }),
    );
  });

  it("each minute counts toward exactly one cycle, applied never exceeds required, remaining is never negative", () => {
    fc.assert(
      fc.property(rules, day, entries, fc.integer({ min: 0, max: 1600 }), (rs, achievedOn, list, todayOffset) => {
        const placed = place(achievedOn, list);
        const today = addDays(achievedOn, todayOffset);
        const report = computeCycles(rs, achievedOn, placed, today);
        for (const e of placed) {
          const counted = report.allocations.filter((a) => a.entryId === e.id).reduce((s, a) => s + a.minutes, 0);
          expect(counted).toBe(e.occurredOn < achievedOn ? 0 : e.minutes);
        }
        for (const c of report.cycles) {
          const applied = report.allocations
            .filter((a) => a.cycleIndex === c.index && a.applied)
            .reduce((s, a) => s + a.minutes, 0);
          expect(applied).toBe(c.appliedMinutes);
          expect(c.appliedMinutes).toBeLessThanOrEqual(rs.requiredMinutes);
          expect(c.remainingMinutes).toBeGreaterThanOrEqual(0);
          expect(c.remainingMinutes).toBe(rs.requiredMinutes - c.appliedMinutes);
          expect(c.metOn !== null).toBe(c.remainingMinutes === 0);
        }
        const standing = recertification(rs, achievedOn, placed, today);
        expect(standing?.remainingMinutes).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("per-source caps bound what one source applies to a cycle", () => {
    // Built with a library cap and no carry-over (a precondition on both skipped most runs and could abort).
    const capped = fc
      .tuple(rules, fc.integer({ min: 0, max: 1200 }))
      .map(([r, cap]): CpdRuleSet => ({ ...r, carryOverMinutes: 0, perSourceCapMinutes: { library: cap } }));
    fc.assert(
      fc.property(capped, day, entries, (rs, achievedOn, list) => {
        const cap = rs.perSourceCapMinutes.library as number;
        const placed = place(achievedOn, list);
        const report = computeCycles(rs, achievedOn, placed, addDays(achievedOn, 1600));
        const sourceOf = new Map(placed.map((e) => [e.id, e.source]));
        for (const c of report.cycles) {
          const library = report.allocations
            .filter((a) => a.cycleIndex === c.index && a.applied && sourceOf.get(a.entryId) === "library")
            .reduce((s, a) => s + a.minutes, 0);
          expect(library).toBeLessThanOrEqual(cap as number);
        }
      }),
    );
  });

  it("a reversal takes its entry's minutes out of the cycle, recomputed", () => {
    const one = [
      { id: "a", source: "external" as const, minutes: 2000, occurredOn: "2025-03-01" },
      { id: "b", source: "library" as const, minutes: 400, occurredOn: "2025-04-01" },
    ];
    const met = recertification(ccsmp, "2025-01-10", one, "2025-06-01");
    expect(met?.cycle.metOn).toBe("2025-04-01");
    expect(met?.expiresOn).toBe("2027-01-10");
    const reversed = [
      ...one,
      { id: "r", source: "external" as const, minutes: -2000, occurredOn: "2025-03-01", reversesEntryId: "a" },
    ];
    const short = recertification(ccsmp, "2025-01-10", reversed, "2025-06-01");
    expect(short?.appliedMinutes).toBe(400);
    expect(short?.remainingMinutes).toBe(2000);
    expect(short?.expiresOn).toBe("2026-01-10");
    expect(short?.earnedMinutes).toBe(400);
  });

  it("an expired certification's shortfall is made up by later minutes first (renewed when made up)", () => {
    const list = [
      { id: "a", source: "library" as const, minutes: 600, occurredOn: "2025-05-01" },
      { id: "b", source: "external" as const, minutes: 2000, occurredOn: "2026-02-01" },
    ];
    const before = recertification(ccsmp, "2025-01-10", list.slice(0, 1), "2026-02-01");
    expect(before?.standing).toBe("expired");
    const after = recertification(ccsmp, "2025-01-10", list, "2026-02-01");
    expect(after?.metCycles.map((c) => c.index)).toEqual([0]);
    expect(after?.cycle.index).toBe(1);
    expect(after?.appliedMinutes).toBe(200);
    expect(after?.expiresOn).toBe("2027-01-10");
    expect(after?.standing).toBe("on_track");
  });

  it("standing is due within 90 days of expiry while short, on track otherwise; Pulse+ never expires", () => {
    expect(recertification(ccsmp, "2025-01-10", [], "2025-06-01")?.standing).toBe("on_track");
    expect(recertification(ccsmp, "2025-01-10", [], "2025-10-13")?.standing).toBe("due");
    expect(recertification(ccsmp, "2025-01-10", [], "2026-01-10")?.standing).toBe("expired");
    expect(recertification(ruleSetOf("pulse-plus"), "2025-01-10", [], "2030-01-01")).toBeNull();
    expect(ruleSetOf("unknown").months).toBeNull();
  });

  it("forecast: at the pace of the last 90 days", () => {
    const list = [{ id: "a", source: "library" as const, minutes: 900, occurredOn: "2025-05-15" }];
    const f = forecast(1500, "2026-01-10", list, "2025-06-01");
    expect(f.paceMinutesPerDay).toBe(10);
    expect(f.reachesOn).toBe("2025-10-29"); // 1,500 min at 10 min a day: 150 days
    expect(f.beforeExpiry).toBe(true);
    expect(forecast(1500, "2026-01-10", [], "2025-06-01").reachesOn).toBeNull();
    expect(forecast(0, "2026-01-10", [], "2025-06-01").reachesOn).toBe("2025-06-01");
    fc.assert(
      fc.property(entries, fc.integer({ min: 1, max: 5000 }), (list2, remaining) => {
        const f2 = forecast(remaining, "2030-01-01", place("2025-01-01", list2), "2026-01-01");
        if (f2.reachesOn) expect(f2.reachesOn > "2026-01-01").toBe(true);
      }),
    );
  });

  it("dates are the learner's: local date of an instant and month arithmetic", () => {
    expect(localDate(new Date("2025-03-01T02:00:00Z"), "America/New_York")).toBe("2025-02-28");
    expect(localDate(new Date("2025-03-01T02:00:00Z"), "Asia/Tokyo")).toBe("2025-03-01");
    expect(localDate(new Date("2025-03-01T02:00:00Z"), "Not/AZone")).toBe("2025-03-01");
    expect(addMonthsToDate("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonthsToDate("2025-11-15", 3)).toBe("2026-02-15");
  });
});
