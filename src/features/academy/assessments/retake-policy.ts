/**
 * Retake rules as data: a list of waits after the 1st, 2nd, ... failed attempt, then one wait that repeats
 * for every further failure. `null` means unlimited attempts without waiting (Pulse+ final exams).
 */
export type RetakePolicy = { waitsAfterFailureHours: number[]; thenEveryFailureHours: number } | null;

/** CCSMP Level 4 (seed 002): 2 days after the 1st failure, 2 more after the 2nd, then 14 days before each try. */
export const CCSMP_RETAKE_POLICY: RetakePolicy = { waitsAfterFailureHours: [48, 48], thenEveryFailureHours: 14 * 24 };

const HOUR_MS = 3_600_000;

/** Hours to wait after the `failureNumber`-th failed attempt (1-based). */
export function waitAfterFailureHours(policy: RetakePolicy, failureNumber: number): number {
  if (!policy || failureNumber < 1) return 0;
  return policy.waitsAfterFailureHours[failureNumber - 1] ?? policy.thenEveryFailureHours;
}

/**
 * When the next attempt may start, given when each failed attempt was submitted (any order).
 * `null`: now (no policy or no failure yet). The wait counts from the latest failure.
 */
export function nextAttemptOpensAt(policy: RetakePolicy, failedAt: readonly Date[]): Date | null {
  if (!policy || failedAt.length === 0) return null;
  const latest = Math.max(...failedAt.map((d) => d.getTime()));
  const hours = waitAfterFailureHours(policy, failedAt.length);
  if (hours === 0) return null;
  return new Date(latest + hours * HOUR_MS);
}

/** May an attempt start at `now`? With the reopening time when it may not. */
export function retakeDecision(
  policy: RetakePolicy,
  failedAt: readonly Date[],
  now: Date,
): { open: true; opensAt: null } | { open: false; opensAt: Date } {
  const opensAt = nextAttemptOpensAt(policy, failedAt);
  if (!opensAt || opensAt.getTime() <= now.getTime()) return { open: true, opensAt: null };
  return { open: false, opensAt };
}
