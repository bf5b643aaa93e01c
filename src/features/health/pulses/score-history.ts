import type { PulseLevel } from "./pulse-levels.js";
import { computeSuccessScore, type ScoreFormula, type ScoreResult } from "./success-score.js";

export type PulseFact = { level: PulseLevel; effectiveAt: Date };
export type UsageFact = { weekStart: string; value: number };
export type MetricFact = { metric: string; weekStart: string; value: number };

const DAY_MS = 86_400_000;

/** What was known at the end of `day`: the newest pulse, the 12 weeks of usage and each metric's newest value. */
export function inputsOnDay(
  day: string,
  pulses: PulseFact[],
  usage: UsageFact[],
  metrics: MetricFact[],
): { end: Date; pulse?: PulseFact; weeklyUsage?: number[]; metrics: Record<string, number> } {
  const end = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
  const known = pulses.filter((p) => p.effectiveAt < end);
  const pulse = known.reduce<PulseFact | undefined>(
    (a, p) => (!a || p.effectiveAt >= a.effectiveAt ? p : a),
    undefined,
  );
  const since = new Date(end.getTime() - 12 * 7 * DAY_MS).toISOString().slice(0, 10);
  const weeks = usage
    .filter((u) => u.weekStart >= since && u.weekStart <= day)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const latest: Record<string, MetricFact> = {};
  for (const m of metrics) {
    if (m.weekStart > day) continue;
    const seen = latest[m.metric];
    if (!seen || m.weekStart > seen.weekStart) latest[m.metric] = m;
  }
  return {
    end,
    pulse,
    weeklyUsage: weeks.length ? weeks.map((w) => w.value) : undefined,
    metrics: Object.fromEntries(Object.values(latest).map((m) => [m.metric, m.value])),
  };
}

/** A formula replayed over past days from the facts alone, so two formulas can be compared on the same history. */
export function replayScores(
  formula: ScoreFormula,
  days: string[],
  facts: { pulses: PulseFact[]; usage: UsageFact[]; metrics: MetricFact[] },
): { day: string; score: number | null; band: ScoreResult["band"] }[] {
  return days.map((day) => {
    const inputs = inputsOnDay(day, facts.pulses, facts.usage, facts.metrics);
    const result = computeSuccessScore(
      formula,
      { pulse: inputs.pulse, weeklyUsage: inputs.weeklyUsage, metrics: inputs.metrics },
      new Date(inputs.end.getTime() - 1),
    );
    return { day, score: result.score, band: result.band };
  });
}
