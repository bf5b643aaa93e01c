import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountBpsFor, monthsLeft, seatPrice, termEnd } from "./pricing.js";

const TIERS = [
  { minSeats: 5, discountBps: 500 },
  { minSeats: 20, discountBps: 1500 },
  { minSeats: 10, discountBps: 1000 },
];

describe("discount tiers", () => {
  it("applies the highest tier the seat count reaches, whatever the tiers' order", () => {
    expect(discountBpsFor(TIERS, 1)).toBe(0);
    expect(discountBpsFor(TIERS, 4)).toBe(0);
    expect(discountBpsFor(TIERS, 5)).toBe(500);
    expect(discountBpsFor(TIERS, 19)).toBe(1000);
    expect(discountBpsFor(TIERS, 20)).toBe(1500);
    expect(discountBpsFor(TIERS, 500)).toBe(1500);
    expect(discountBpsFor([], 500)).toBe(0);
  });

  it("never gives a smaller discount for more seats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, extra) => {
        expect(discountBpsFor(TIERS, a + extra)).toBeGreaterThanOrEqual(discountBpsFor(TIERS, a));
      }),
    );
  });

  it("prices 5 seats of $900 at 5 % off", () => {
    expect(seatPrice({ seats: 5, unitAmountMinor: 90_000, months: 12, discountBps: 500 })).toEqual({
      subtotalMinor: 450_000,
      discountMinor: 22_500,
      totalMinor: 427_500,
    });
  });
});

describe("proration by whole months", () => {
  const day = fc.date({
    min: new Date("2024-01-01T00:00:00Z"),
    max: new Date("2030-12-31T00:00:00Z"),
    noInvalidDate: true,
  });

  it("a year's term has 12 months left at its start and 0 at its end", () => {
    fc.assert(
      fc.property(day, (start) => {
        expect(monthsLeft(start, termEnd(start))).toBe(12);
        expect(monthsLeft(termEnd(start), termEnd(start))).toBe(0);
      }),
    );
  });

  it("months left never grow as time passes and stay within 0..12", () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.integer({ min: 0, max: 60 * 86_400_000 }),
        (start, a, b) => {
          const end = termEnd(start);
          const t1 = new Date(start.getTime() + a);
          const t2 = new Date(t1.getTime() + b);
          const m1 = monthsLeft(t1, end);
          expect(m1).toBeGreaterThanOrEqual(0);
          expect(m1).toBeLessThanOrEqual(12);
          expect(monthsLeft(t2, end)).toBeLessThanOrEqual(m1);
        },
      ),
    );
  });

  it("counts a started month as whole", () => {
    const end = new Date("2027-06-15T00:00:00Z");
    expect(monthsLeft(new Date("2027-05-15T00:00:00Z"), end)).toBe(1);
    expect(monthsLeft(new Date("2027-05-16T00:00:00Z"), end)).toBe(1);
    expect(monthsLeft(new Date("2027-05-14T00:00:00Z"), end)).toBe(2);
    expect(monthsLeft(new Date("2027-06-14T23:00:00Z"), end)).toBe(1);
  });

  it("a prorated price is a share of the year's: never more, monotone in months, exact at 12", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (seats, unit, months, bps) => {
          const full = seatPrice({ seats, unitAmountMinor: unit, months: 12, discountBps: bps });
          const part = seatPrice({ seats, unitAmountMinor: unit, months, discountBps: bps });
          expect(full.subtotalMinor).toBe(seats * unit);
          expect(part.totalMinor).toBeLessThanOrEqual(full.totalMinor);
          expect(part.totalMinor).toBeGreaterThanOrEqual(0);
          if (months < 12) {
            const next = seatPrice({ seats, unitAmountMinor: unit, months: months + 1, discountBps: bps });
            expect(next.subtotalMinor).toBeGreaterThanOrEqual(part.subtotalMinor);
          }
          expect(Number.isInteger(part.totalMinor)).toBe(true);
        },
      ),
    );
  });
});
