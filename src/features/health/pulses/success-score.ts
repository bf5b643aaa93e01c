import { type PulseLevel, pulseRank, pulseSentiment } from "./pulse-levels.js";

/** An organization's SuccessScore formula; a new version is saved whenever it changes. */
export type ScoreFormula = {
  version: number;
  /** The imported usage figure whose trend is the usage component. */
  usageMetric: string;
  weights: { pulse: number; usage: number; metrics: Record<string, number> };
  /** Imported metrics are mapped linearly from [min, max] onto 0-100. */
  metricRanges: Record<string, { min: number; max: number }>;
  /** The pulse's pull away from neutral halves every this many days. */
  pulseHalfLifeDays: number;
  /** A pulse older than this is shown as stale. */
  staleAfterDays: number;
  /** Pulse sentiment and score this far apart (points) flag the client for review. */
  reviewGap: number;
};

export const DEFAULT_FORMULA: ScoreFormula = {
  version: 1,
  usageMetric: "weekly_active_users",
  weights: { pulse: 60, usage: 40, metrics: {} },
  metricRanges: {},
  pulseHalfLifeDays: 60,
  staleAfterDays: 30,
  reviewGap: 40,
};

export type ScoreInputs = {
  pulse?: { level: PulseLevel; effectiveAt: Date };
  /** Weekly usage, oldest first; the last 4 weeks are compared with the 8 before. */
  weeklyUsage?: number[];
  metrics?: Record<string, number>;
};

export type ScoreComponent = {
  key: string;
  label: string;
  value: number; // 0-100
  weight: number; // share of the score after components without data dropped out, 0-1
  contribution: number; // value * weight
};

export type Band = "healthy" | "watch" | "at_risk";

export type ScoreResult = {
  score: number | null;
  band: Band | null;
  components: ScoreComponent[];
  /** The pulse is High Risk or worse, so the band is held at "at risk" whatever the score. */
  capped: boolean;
  /** The CSM's pulse and the computed score disagree strongly. */
  needsReview: boolean;
  pulseStale: boolean;
  formulaVersion: number;
};

const DAY_MS = 86_400_000;
const clamp = (n: number) => Math.min(100, Math.max(0, n));
const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The pulse's sentiment, fading toward neutral (50) as it ages. */
export function fadedSentiment(level: PulseLevel, ageDays: number, halfLifeDays: number): number {
  const pull = pulseSentiment(level) - 50;
  return 50 + pull * 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

/** Usage trend: the last 4 weeks' average against the 8 weeks before; null without enough data. */
export function usageTrend(weeklyUsage: number[] | undefined): number | null {
  if (!weeklyUsage || weeklyUsage.length < 12) return null;
  const recent = weeklyUsage.slice(-4);
  const before = weeklyUsage.slice(-12, -4);
  const base = mean(before);
  if (base <= 0) return mean(recent) > 0 ? 100 : null;
  return clamp(50 + 50 * (mean(recent) / base - 1));
}

export const bandOf = (score: number): Band => (score >= 70 ? "healthy" : score >= 40 ? "watch" : "at_risk");

/** Computes the score from whatever components have data; their weights are shared out again. */
export function computeSuccessScore(formula: ScoreFormula, inputs: ScoreInputs, now: Date): ScoreResult {
  const raw: { key: string; label: string; value: number; weight: number }[] = [];
  const pulseAge = inputs.pulse ? (now.getTime() - inputs.pulse.effectiveAt.getTime()) / DAY_MS : null;
  if (inputs.pulse && pulseAge !== null && formula.weights.pulse > 0) {
    const value = fadedSentiment(inputs.pulse.level, pulseAge, formula.pulseHalfLifeDays);
    raw.push({ key: "pulse", label: "Pulse sentiment", value, weight: formula.weights.pulse });
  }
  const trend = usageTrend(inputs.weeklyUsage);
  if (trend !== null && formula.weights.usage > 0) {
    raw.push({ key: "usage", label: "Usage trend", value: trend, weight: formula.weights.usage });
  }
  for (const [metric, weight] of Object.entries(formula.weights.metrics)) {
    const observed = inputs.metrics?.[metric];
    const range = formula.metricRanges[metric];
    if (observed === undefined || !range || weight <= 0 || range.max === range.min) continue;
    const value = clamp(((observed - range.min) / (range.max - range.min)) * 100);
    raw.push({ key: `metric:${metric}`, label: metric, value, weight });
  }
  const totalWeight = raw.reduce((sum, c) => sum + c.weight, 0);
  const components = raw.map((c) => {
    const weight = c.weight / totalWeight;
    return { ...c, value: round1(c.value), weight, contribution: round1(c.value * weight) };
  });
  const score = components.length ? Math.round(raw.reduce((s, c) => s + c.value * (c.weight / totalWeight), 0)) : null;
  const capped = inputs.pulse ? pulseRank(inputs.pulse.level) <= pulseRank("high_risk") : false;
  const band = score === null ? (capped ? "at_risk" : null) : capped ? "at_risk" : bandOf(score);
  const needsReview =
    score !== null &&
    inputs.pulse !== undefined &&
    Math.abs(pulseSentiment(inputs.pulse.level) - score) >= formula.reviewGap;
  return {
    score,
    band,
    components,
    capped,
    needsReview,
    pulseStale: pulseAge !== null && pulseAge > formula.staleAfterDays,
    formulaVersion: formula.version,
  };
}

export type ScoreMovement = { key: string; label: string; change: number };

/** Why the score moved: each component's change in contribution, largest first. */
export function explainMovement(previous: ScoreResult, current: ScoreResult): ScoreMovement[] {
  const keys = new Set([...previous.components, ...current.components].map((c) => c.key));
  const moves: ScoreMovement[] = [];
  for (const key of keys) {
    const before = previous.components.find((c) => c.key === key);
    const after = current.components.find((c) => c.key === key);
    const change = round1((after?.contribution ?? 0) - (before?.contribution ?? 0));
    if (change !== 0) moves.push({ key, label: (after ?? before)?.label ?? key, change });
  }
  return moves.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
}
