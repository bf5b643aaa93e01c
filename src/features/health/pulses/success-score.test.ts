import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PULSE_LEVELS } from "./pulse-levels.js";
import { computeSuccessScore, DEFAULT_FORMULA, explainMovement, fadedSentiment, usageTrend } from "./success-score.js";

const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const flat = (n: number, weeks = 12) => Array.from({ length: weeks }, () => n);

describe("fadedSentiment", () => {
  it("is the level's sentiment when fresh and halves its pull toward 50 every half-life", () => {
    expect(fadedSentiment("extremely_satisfied", 0, 60)).toBe(100);
    expect(fadedSentiment("extremely_satisfied", 60, 60)).toBe(75);
    expect(fadedSentiment("severe_risk", 120, 60)).toBe(37.5);
  });
  it("never crosses neutral and moves toward it with age", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PULSE_LEVELS),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 500 }),
        (level, age, extra) => {
          const young = fadedSentiment(level, age, 60);
          const old = fadedSentiment(level, age + extra, 60);
          expect(Math.abs(old - 50)).toBeLessThanOrEqual(Math.abs(young - 50) + 1e-9);
          expect((old - 50) * (young - 50)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("usageTrend", () => {
  it("compares the last 4 weeks with the 8 before", () => {
    expect(usageTrend(flat(10))).toBe(50);
    expect(usageTrend([...flat(10, 8), ...flat(15, 4)])).toBe(75);
    expect(usageTrend([...flat(10, 8), ...flat(0, 4)])).toBe(0);
  });
  it("has no value without 12 weeks of data", () => {
    expect(usageTrend(flat(10, 11))).toBeNull();
    expect(usageTrend(undefined)).toBeNull();
  });
});

describe("computeSuccessScore", () => {
  it("weights pulse and usage as configured and explains each contribution", () => {
    const r = computeSuccessScore(
      DEFAULT_FORMULA,
      { pulse: { level: "extremely_satisfied", effectiveAt: now }, weeklyUsage: flat(10) },
      now,
    );
    expect(r.score).toBe(80); // 0.6 * 100 + 0.4 * 50
    expect(r.components.map((c) => [c.key, c.contribution])).toEqual([
      ["pulse", 60],
      ["usage", 20],
    ]);
    expect(r.band).toBe("healthy");
  });

  it("drops a component without data and shares its weight among the rest", () => {
    const r = computeSuccessScore(DEFAULT_FORMULA, { pulse: { level: "satisfied", effectiveAt: now } }, now);
    expect(r.components).toHaveLength(1);
    expect(r.components[0]?.weight).toBe(1);
    expect(r.score).toBe(60);
    expect(computeSuccessScore(DEFAULT_FORMULA, {}, now)).toMatchObject({ score: null, band: null, components: [] });
  });

  it("caps the band at 'at risk' for a High Risk pulse or worse", () => {
    const formula = { ...DEFAULT_FORMULA, weights: { pulse: 10, usage: 90, metrics: {} } };
    const r = computeSuccessScore(
      formula,
      { pulse: { level: "high_risk", effectiveAt: now }, weeklyUsage: [...flat(10, 8), ...flat(20, 4)] },
      now,
    );
    expect(r.score).toBeGreaterThanOrEqual(70);
    expect(r).toMatchObject({ band: "at_risk", capped: true });
  });

  it("flags strong disagreement between pulse and score, and stale pulses", () => {
    const formula = { ...DEFAULT_FORMULA, weights: { pulse: 20, usage: 80, metrics: {} } };
    const r = computeSuccessScore(
      formula,
      {
        pulse: { level: "extremely_satisfied", effectiveAt: daysAgo(45) },
        weeklyUsage: [...flat(10, 8), ...flat(0, 4)],
      },
      now,
    );
    expect(r.needsReview).toBe(true);
    expect(r.pulseStale).toBe(true);
  });

  it("maps imported metrics through their range", () => {
    const formula = {
      ...DEFAULT_FORMULA,
      weights: { pulse: 0, usage: 0, metrics: { nps: 1 } },
      metricRanges: { nps: { min: -100, max: 100 } },
    };
    expect(computeSuccessScore(formula, { metrics: { nps: 50 } }, now).score).toBe(75);
  });

  it("always scores within 0-100 with weights summing to one", () => {
    fc.assert(
      fc.property(
        fc.option(fc.record({ level: fc.constantFrom(...PULSE_LEVELS), age: fc.integer({ min: 0, max: 900 }) })),
        fc.option(fc.array(fc.nat({ max: 10_000 }), { minLength: 0, maxLength: 20 })),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (pulse, usage, wp, wu) => {
          const formula = { ...DEFAULT_FORMULA, weights: { pulse: wp, usage: wu, metrics: {} } };
          const r = computeSuccessScore(
            formula,
            {
              pulse: pulse ? { level: pulse.level, effectiveAt: daysAgo(pulse.age) } : undefined,
              weeklyUsage: usage ?? undefined,
            },
            now,
          );
          if (r.score === null) return;
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});

describe("explainMovement", () => {
  it("names the components that moved the score, largest first", () => {
    const before = computeSuccessScore(
      DEFAULT_FORMULA,
      { pulse: { level: "satisfied", effectiveAt: now }, weeklyUsage: flat(10) },
      now,
    );
    const after = computeSuccessScore(
      DEFAULT_FORMULA,
      { pulse: { level: "some_risk", effectiveAt: now }, weeklyUsage: [...flat(10, 8), ...flat(11, 4)] },
      now,
    );
    const moves = explainMovement(before, after);
    expect(moves.map((m) => m.key)).toEqual(["pulse", "usage"]);
    expect(moves[0]?.change).toBe(-12);
  });
});
