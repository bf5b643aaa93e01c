import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coveredSeconds,
  isFullyWatched,
  mergeSegments,
  type Segment,
  segmentsFromSamples,
  trimToBudget,
  watchedPercent,
  watchedShare,
} from "./watched-segments.js";

const duration = fc.integer({ min: 1, max: 3600 });
const segment = fc
  .tuple(fc.double({ min: -100, max: 4000, noNaN: true }), fc.double({ min: -100, max: 4000, noNaN: true }))
  .map(([a, b]) => [a, b] as Segment);
const segments = fc.array(segment, { maxLength: 30 });

describe("mergeSegments", () => {
  it("joins overlapping and touching segments, clamps to the duration and drops empty ones", () => {
    expect(
      mergeSegments(
        [
          [5, 8],
          [0, 2],
          [2, 3],
          [7, 12],
          [-3, -1],
          [4, 4],
        ],
        10,
      ),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
    expect(mergeSegments([[3, 1]], 10)).toEqual([[1, 3]]);
    expect(mergeSegments([[Number.NaN, 2]], 10)).toEqual([]);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(segments, duration, (s, d) => {
        const once = mergeSegments(s, d);
        expect(mergeSegments(once, d)).toEqual(once);
      }),
    );
  });

  it("does not depend on the order or the grouping of reports", () => {
    fc.assert(
      fc.property(segments, segments, duration, (a, b, d) => {
        const all = mergeSegments([...a, ...b], d);
        expect(mergeSegments([...b, ...a], d)).toEqual(all);
        expect(mergeSegments([...mergeSegments(a, d), ...mergeSegments(b, d)], d)).toEqual(all);
      }),
    );
  });

  it("never exceeds the duration and only grows when segments are added", () => {
    fc.assert(
      fc.property(segments, segment, duration, (s, extra, d) => {
        const before = coveredSeconds(mergeSegments(s, d));
        const after = coveredSeconds(mergeSegments([...s, extra], d));
        expect(after).toBeLessThanOrEqual(d + 1e-9);
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        for (const [a, b] of mergeSegments(s, d)) {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(d);
          expect(b).toBeGreaterThan(a);
        }
      }),
    );
  });
});

describe("watched share and full watching", () => {
  it("counts a video as watched within the tolerance of one second", () => {
    expect(isFullyWatched([[0, 3.2]], 4)).toBe(true);
    expect(isFullyWatched([[0, 2.9]], 4)).toBe(false);
    expect(isFullyWatched([[0, 599.5]], 600)).toBe(true);
    expect(isFullyWatched([[0, 300]], 600)).toBe(false);
    expect(isFullyWatched([], 0)).toBe(false);
    expect(watchedShare([[0, 300]], 600)).toBe(0.5);
    expect(watchedPercent([[0, 300]], 600)).toBe(50);
    expect(watchedPercent([[0, 599.5]], 600)).toBe(100);
    expect(watchedPercent([[0, 598.5]], 600)).toBe(99);
  });

  it("a short clip needs at least half of itself even with the tolerance", () => {
    expect(isFullyWatched([[0, 0.4]], 1)).toBe(false);
    expect(isFullyWatched([[0, 0.5]], 1)).toBe(true);
  });
});

describe("trimToBudget", () => {
  it("keeps no more seconds than the budget, in order", () => {
    expect(
      trimToBudget(
        [
          [0, 4],
          [10, 20],
        ],
        100,
        7,
      ),
    ).toEqual([
      [0, 4],
      [10, 13],
    ]);
    expect(trimToBudget([[0, 600]], 600, 0)).toEqual([]);
  });

  it("never keeps more than the budget nor anything outside the reported segments", () => {
    fc.assert(
      fc.property(segments, duration, fc.double({ min: 0, max: 5000, noNaN: true }), (s, d, budget) => {
        const kept = trimToBudget(s, d, budget);
        expect(coveredSeconds(kept)).toBeLessThanOrEqual(budget + 1e-9);
        const union = mergeSegments([...s, ...kept], d);
        expect(union).toEqual(mergeSegments(s, d));
      }),
    );
  });
});

describe("segmentsFromSamples", () => {
  it("records real playback and ignores a seek to the end", () => {
    const samples = [
      { wallSeconds: 0, position: 0 },
      { wallSeconds: 1, position: 1 },
      { wallSeconds: 2, position: 2 },
      { wallSeconds: 2.2, position: 590 }, // scrubbed
      { wallSeconds: 3.2, position: 591 },
    ];
    expect(segmentsFromSamples(samples)).toEqual([
      [0, 2],
      [590, 591],
    ]);
  });

  it("a position jump adds nothing: the watched time never exceeds the wall-clock time times the rate", () => {
    const steps = fc.array(
      fc.record({
        wall: fc.double({ min: 0, max: 5, noNaN: true }),
        move: fc.double({ min: -300, max: 300, noNaN: true }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(steps, (list) => {
        let wall = 0;
        let position = 0;
        const samples = [{ wallSeconds: 0, position: 0 }];
        for (const step of list) {
          wall += step.wall;
          position = Math.max(0, position + step.move);
          samples.push({ wallSeconds: wall, position });
        }
        const watched = coveredSeconds(mergeSegments(segmentsFromSamples(samples), 1e9));
        expect(watched).toBeLessThanOrEqual(wall * 2 + 0.5 * list.length + 1e-6);
        // Adding a pure jump (no wall time) to the end of the samples changes nothing.
        const jumped = [...samples, { wallSeconds: wall, position: position + 1000 }];
        expect(mergeSegments(segmentsFromSamples(jumped), 1e9)).toEqual(
          mergeSegments(segmentsFromSamples(samples), 1e9),
        );
      }),
    );
  });
});
