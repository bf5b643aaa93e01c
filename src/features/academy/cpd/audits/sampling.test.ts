import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawSample, sampleSize } from "./sampling.js";

const ids = fc.uniqueArray(fc.uuid(), { maxLength: 200 });

describe("audit sampling", () => {
  it("is reproducible: the same seed and population give the same sample, whatever the order", () => {
    fc.assert(
      fc.property(ids, fc.integer({ min: 0, max: 100 }), fc.string(), (population, rate, seed) => {
        const a = drawSample(population, rate, seed);
        const b = drawSample([...population].reverse(), rate, seed);
        expect(a).toEqual(b);
        expect(a).toHaveLength(sampleSize(population.length, rate));
        for (const id of a) expect(population).toContain(id);
        expect(new Set(a).size).toBe(a.length);
      }),
    );
  });
  it("different seeds draw different samples (usually), at the rate rounded up", () => {
    const population = Array.from({ length: 100 }, (_, i) => `id-${String(i).padStart(3, "0")}`);
    expect(drawSample(population, 10, "seed-1")).not.toEqual(drawSample(population, 10, "seed-2"));
    expect(sampleSize(101, 10)).toBe(11);
    expect(sampleSize(3, 10)).toBe(1);
    expect(sampleSize(0, 10)).toBe(0);
    expect(sampleSize(5, 0)).toBe(0);
    expect(drawSample(population, 100, "x")).toEqual(population);
  });
});
