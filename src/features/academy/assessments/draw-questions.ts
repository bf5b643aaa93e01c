/** A seeded pseudo-random generator (mulberry32): the same seed draws the same set. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * How many questions to take from which pool: keyed by module key (a module test's bank, or an exam's pool
 * questions tagged with that module), or "pool" (the rest of an exam's own pool).
 */
export type DrawPart = { source: string; count: number };

/** Disjoint forms an exam's pool must hold, so five successive attempts share no question (seed 002). */
export const EXAM_FORMS = 5;

/** An exam's parts: each blueprint module's count, and whatever the blueprint leaves from "pool". */
export function examParts(questionCount: number, blueprint: Readonly<Record<string, number>> | null | undefined) {
  const parts: DrawPart[] = Object.entries(blueprint ?? {}).map(([source, count]) => ({ source, count }));
  const rest = questionCount - parts.reduce((n, p) => n + p.count, 0);
  if (rest > 0) parts.push({ source: "pool", count: rest });
  return parts;
}

/**
 * An exam's own pool keyed as its parts name them: with a blueprint, by each question's module tag, and
 * "pool" for untagged questions; without one, every question is in "pool".
 */
export function groupExamPool<T>(pool: readonly { id: T; module: string | null }[], hasBlueprint: boolean) {
  const groups = new Map<string, T[]>();
  for (const q of pool) {
    const source = hasBlueprint && q.module ? q.module : "pool";
    groups.set(source, [...(groups.get(source) ?? []), q.id]);
  }
  return groups;
}

export class PoolTooSmallError extends Error {
  constructor(
    readonly source: string,
    readonly available: number,
    readonly needed: number,
  ) {
    super(`Pool "${source}" holds ${available} questions; ${needed} are needed.`);
  }
}

/**
 * Draws `count` question ids from each part's pool. Questions the candidate has not seen come first (in
 * random order); only when a pool runs out of unseen questions does it reuse seen ones, the least recently
 * seen first. `seen` maps question id -> when it was last seen (any increasing number, e.g. attempt number).
 * Deterministic for a given `random`. A question appears at most once even if two pools share it.
 */
export function drawQuestions(
  pools: ReadonlyMap<string, readonly string[]>,
  parts: readonly DrawPart[],
  seen: ReadonlyMap<string, number>,
  random: () => number,
): string[] {
  const taken = new Set<string>();
  const drawn: string[] = [];
  for (const part of parts) {
    if (part.count <= 0) continue;
    const pool = [...new Set(pools.get(part.source) ?? [])].filter((id) => !taken.has(id));
    if (pool.length < part.count) throw new PoolTooSmallError(part.source, pool.length, part.count);
    const fresh = shuffle(
      pool.filter((id) => !seen.has(id)),
      random,
    );
    const reused = shuffle(
      pool.filter((id) => seen.has(id)),
      random,
    ).sort((a, b) => (seen.get(a) ?? 0) - (seen.get(b) ?? 0));
    for (const id of [...fresh, ...reused].slice(0, part.count)) {
      taken.add(id);
      drawn.push(id);
    }
  }
  return shuffle(drawn, random);
}

/**
 * How many attempts in a row a pool can serve without repeating a question, for a part needing `count`.
 * An admin warning compares this with the attempts a candidate may need.
 */
export function freshAttemptsFor(poolSize: number, count: number): number {
  if (count <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(poolSize / count);
}
