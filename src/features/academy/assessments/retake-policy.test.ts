import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CCSMP_RETAKE_POLICY, nextAttemptOpensAt, type RetakePolicy, retakeDecision } from "./retake-policy.js";

const t0 = new Date("2026-11-23T10:00:00Z");
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

const policyArb = fc.record({
  waitsAfterFailureHours: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 5 }),
  thenEveryFailureHours: fc.integer({ min: 0, max: 1000 }),
});
const failuresArb = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 10 });

describe("CCSMP retake policy (seed 002)", () => {
  it("waits 2 days after the 1st failure, 2 more after the 2nd, then 14 days before each further try", () => {
    expect(nextAttemptOpensAt(CCSMP_RETAKE_POLICY, [])).toBeNull();
    expect(nextAttemptOpensAt(CCSMP_RETAKE_POLICY, [t0])).toEqual(hours(48));
    expect(nextAttemptOpensAt(CCSMP_RETAKE_POLICY, [t0, hours(50)])).toEqual(hours(98));
    expect(nextAttemptOpensAt(CCSMP_RETAKE_POLICY, [t0, hours(50), hours(100)])).toEqual(hours(100 + 336));
    expect(nextAttemptOpensAt(CCSMP_RETAKE_POLICY, [t0, hours(50), hours(100), hours(500)])).toEqual(hours(500 + 336));
  });
  it("opens exactly at the reopening time, not a millisecond before", () => {
    const closed = retakeDecision(CCSMP_RETAKE_POLICY, [t0], new Date(hours(48).getTime() - 1));
    expect(closed).toEqual({ open: false, opensAt: hours(48) });
    expect(retakeDecision(CCSMP_RETAKE_POLICY, [t0], hours(48))).toEqual({ open: true, opensAt: null });
  });
});

describe("retake policy properties", () => {
  it("no policy: always open, whatever the history", () => {
    fc.assert(
      fc.property(failuresArb, fc.integer({ min: 0, max: 100_000 }), (fails, now) => {
        expect(retakeDecision(null, fails.map(hours), hours(now)).open).toBe(true);
      }),
    );
  });
  it("the reopening time follows the latest failure by the wait for that failure's number", () => {
    fc.assert(
      fc.property(policyArb, failuresArb, (policy: RetakePolicy, fails) => {
        const opensAt = nextAttemptOpensAt(policy, fails.map(hours));
        const latest = Math.max(...fails);
        const wait = policy?.waitsAfterFailureHours[fails.length - 1] ?? policy?.thenEveryFailureHours ?? 0;
        if (wait === 0) expect(opensAt).toBeNull();
        else expect(opensAt).toEqual(hours(latest + wait));
      }),
    );
  });
  it("beyond the listed waits every failure locks out for the repeating wait", () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 0, max: 20 }), (policy, extra) => {
        const n = policy.waitsAfterFailureHours.length + 1 + extra;
        const fails = Array.from({ length: n }, (_, i) => hours(i * 2000));
        const opensAt = nextAttemptOpensAt(policy, fails);
        const expected =
          policy.thenEveryFailureHours === 0 ? null : hours((n - 1) * 2000 + policy.thenEveryFailureHours);
        expect(opensAt).toEqual(expected);
      }),
    );
  });
  it("closed until the reopening time, open from it on", () => {
    fc.assert(
      fc.property(policyArb, failuresArb, fc.integer({ min: -2000, max: 2000 }), (policy, fails, offset) => {
        const opensAt = nextAttemptOpensAt(policy, fails.map(hours));
        const reference = opensAt ?? hours(Math.max(...fails));
        const now = new Date(reference.getTime() + offset * 60_000);
        const decision = retakeDecision(policy, fails.map(hours), now);
        expect(decision.open).toBe(opensAt === null || now.getTime() >= opensAt.getTime());
      }),
    );
  });
});
