import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addQuarters, quarterOf, quarterRange, resolveQuarterShortcut } from "./quarters.js";

describe("quarters", () => {
  it("finds calendar and fiscal quarters", () => {
    expect(quarterOf("2026-11-23")).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf("2026-01-01")).toEqual({ year: 2026, quarter: 1 });
    // A fiscal year starting in April: November is Q3 of FY2026, February is Q4 of FY2025.
    expect(quarterOf("2026-11-23", 4)).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf("2026-02-10", 4)).toEqual({ year: 2025, quarter: 4 });
  });

  it("gives a quarter's range, first day included, first day after excluded", () => {
    expect(quarterRange({ year: 2027, quarter: 1 })).toEqual({ from: "2027-01-01", toExclusive: "2027-04-01" });
    expect(quarterRange({ year: 2026, quarter: 4 })).toEqual({ from: "2026-10-01", toExclusive: "2027-01-01" });
    expect(quarterRange({ year: 2025, quarter: 4 }, 4)).toEqual({ from: "2026-01-01", toExclusive: "2026-04-01" });
  });

  it("resolves 'renewing in Q1' to the next Q1 that has not ended", () => {
    expect(resolveQuarterShortcut("Q1", "2026-11-23")).toEqual({ from: "2027-01-01", toExclusive: "2027-04-01" });
    expect(resolveQuarterShortcut("Q1", "2027-02-15")).toEqual({ from: "2027-01-01", toExclusive: "2027-04-01" });
    expect(resolveQuarterShortcut("next_quarter", "2026-11-23")).toEqual({
      from: "2027-01-01",
      toExclusive: "2027-04-01",
    });
    expect(resolveQuarterShortcut("last_quarter", "2026-11-23")).toEqual({
      from: "2026-07-01",
      toExclusive: "2026-10-01",
    });
  });

  it("contains every date in exactly its own quarter, for any fiscal start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 12 }), (n, fiscal) => {
        const date = addDays("2000-01-01", n);
        const range = quarterRange(quarterOf(date, fiscal), fiscal);
        expect(range.from <= date && date < range.toExclusive).toBe(true);
        const next = quarterRange(addQuarters(quarterOf(date, fiscal), 1), fiscal);
        expect(next.from).toBe(range.toExclusive);
      }),
    );
  });
});
