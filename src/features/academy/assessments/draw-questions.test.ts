import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  drawQuestions,
  EXAM_FORMS,
  examParts,
  freshAttemptsFor,
  groupExamPool,
  PoolTooSmallError,
  seededRandom,
} from "./draw-questions.js";

const bank = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Draws `attempts` sets in a row, remembering what was seen as a candidate's history does. */
function drawSeries(
  pools: Map<string, string[]>,
  parts: { source: string; count: number }[],
  attempts: number,
  seed: number,
) {
  const seen = new Map<string, number>();
  const sets: string[][] = [];
  for (let n = 1; n <= attempts; n++) {
    const set = drawQuestions(pools, parts, seen, seededRandom(seed + n));
    for (const id of set) seen.set(id, n);
    sets.push(set);
  }
  return sets;
}

describe("drawQuestions", () => {
  it("five successive exam attempts share no question when each part of the pool holds five forms", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer(),
        (counts, rest, spare, seed) => {
          const blueprint = Object.fromEntries(counts.map((c, i) => [`m${i}`, c]));
          const questionCount = counts.reduce((n, c) => n + c, 0) + rest;
          const parts = examParts(questionCount, blueprint);
          // Each part's pool: exactly five forms, plus a few spare questions.
          const pool = parts.flatMap((p) =>
            bank(`${p.source}-`, EXAM_FORMS * p.count + spare).map((id) => ({
              id,
              module: p.source === "pool" ? null : p.source,
            })),
          );
          const sets = drawSeries(groupExamPool(pool, true), parts, EXAM_FORMS, seed);
          expect(new Set(sets.flat()).size).toBe(EXAM_FORMS * questionCount);
          for (const set of sets)
            for (const p of parts) {
              expect(set.filter((id) => id.startsWith(`${p.source}-`))).toHaveLength(p.count);
            }
        },
      ),
    );
  });
  it("draws per blueprint from each pool, with no duplicates", () => {
    const pools = new Map([
      ["m1", bank("a", 10)],
      ["m2", bank("b", 10)],
      ["pool", bank("p", 4)],
    ]);
    const set = drawQuestions(
      pools,
      [
        { source: "m1", count: 3 },
        { source: "m2", count: 5 },
        { source: "pool", count: 2 },
      ],
      new Map(),
      seededRandom(1),
    );
    expect(set).toHaveLength(10);
    expect(new Set(set).size).toBe(10);
    expect(set.filter((id) => id.startsWith("a"))).toHaveLength(3);
    expect(set.filter((id) => id.startsWith("b"))).toHaveLength(5);
    expect(set.filter((id) => id.startsWith("p"))).toHaveLength(2);
  });
  it("a module test of 15 from a bank of 30: the second attempt gets the other 15, the third the first set", () => {
    const pools = new Map([["m", bank("q", 30)]]);
    const [first, second, third] = drawSeries(pools, [{ source: "m", count: 15 }], 3, 7);
    expect(new Set([...(first ?? []), ...(second ?? [])]).size).toBe(30);
    expect(new Set(third)).toEqual(new Set(first));
  });
  it("refuses when a pool holds fewer questions than the blueprint needs", () => {
    expect(() =>
      drawQuestions(new Map([["m", bank("q", 4)]]), [{ source: "m", count: 5 }], new Map(), seededRandom(1)),
    ).toThrow(PoolTooSmallError);
  });
  it("counts how many fresh attempts a pool serves", () => {
    expect(freshAttemptsFor(30, 15)).toBe(2);
    expect(freshAttemptsFor(44, 15)).toBe(2);
    expect(freshAttemptsFor(45, 15)).toBe(3);
  });
});

describe("drawQuestions properties", () => {
  const scenario = fc.record({
    parts: fc.array(fc.record({ size: fc.integer({ min: 1, max: 40 }), count: fc.integer({ min: 1, max: 10 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    attempts: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer(),
  });
  const build = (parts: { size: number; count: number }[]) => {
    const fitting = parts.map((p, i) => ({ source: `m${i}`, size: Math.max(p.size, p.count), count: p.count }));
    return {
      pools: new Map(fitting.map((p) => [p.source, bank(`${p.source}-`, p.size)])),
      parts: fitting.map(({ source, count }) => ({ source, count })),
      fitting,
    };
  };

  it("no question repeats across attempts while the pool allows", () => {
    fc.assert(
      fc.property(scenario, ({ parts: raw, attempts, seed }) => {
        const { pools, parts, fitting } = build(raw);
        const sets = drawSeries(pools, parts, attempts, seed);
        for (const p of fitting) {
          const fresh = freshAttemptsFor(p.size, p.count);
          const fromPool = sets
            .slice(0, Math.min(fresh, attempts))
            .flatMap((s) => s.filter((id) => id.startsWith(`${p.source}-`)));
          expect(new Set(fromPool).size).toBe(fromPool.length);
        }
      }),
    );
  });
  it("every attempt has exactly the blueprint's counts and no duplicate", () => {
    fc.assert(
      fc.property(scenario, ({ parts: raw, attempts, seed }) => {
        const { pools, parts, fitting } = build(raw);
        for (const set of drawSeries(pools, parts, attempts, seed)) {
          expect(new Set(set).size).toBe(set.length);
          for (const p of fitting) expect(set.filter((id) => id.startsWith(`${p.source}-`))).toHaveLength(p.count);
        }
      }),
    );
  });
  it("an attempt reuses a seen question only once every unseen one is taken", () => {
    fc.assert(
      fc.property(scenario, ({ parts: raw, attempts, seed }) => {
        const { pools, parts, fitting } = build(raw);
        const seen = new Map<string, number>();
        for (let n = 1; n <= attempts; n++) {
          const set = drawQuestions(pools, parts, seen, seededRandom(seed + n));
          for (const p of fitting) {
            const pool = pools.get(p.source) ?? [];
            const unseen = pool.filter((id) => !seen.has(id)).length;
            const reused = set.filter((id) => id.startsWith(`${p.source}-`) && seen.has(id)).length;
            expect(reused).toBe(Math.max(0, p.count - unseen));
          }
          for (const id of set) seen.set(id, n);
        }
      }),
    );
  });
  it("is deterministic for a seed", () => {
    fc.assert(
      fc.property(scenario, ({ parts: raw, seed }) => {
        const { pools, parts } = build(raw);
        const a = drawQuestions(pools, parts, new Map(), seededRandom(seed));
        const b = drawQuestions(pools, parts, new Map(), seededRandom(seed));
        expect(a).toEqual(b);
      }),
    );
  });
});
