import { createHash } from "node:crypto";

/** A seeded PRNG (mulberry32) from any string seed: the same seed gives the same sequence everywhere. */
function random(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `population` a rate draws: rounded up, at least one when there is anyone and a rate. */
export const sampleSize = (population: number, ratePercent: number) =>
  population === 0 || ratePercent <= 0 ? 0 : Math.min(population, Math.ceil((population * ratePercent) / 100));

/**
 * A reproducible random sample (pure): the ids are sorted first, so the order they were read in does not
 * matter; a seeded Fisher-Yates shuffle then picks `sampleSize` of them. Same seed + same population =
 * same sample, which is why the seed is stored with the sample.
 */
export function drawSample(ids: readonly string[], ratePercent: number, seed: string): string[] {
  const pool = [...new Set(ids)].sort();
  const next = random(seed);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, sampleSize(pool.length, ratePercent)).sort();
}
