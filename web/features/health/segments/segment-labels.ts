import type { SegmentClient } from "../../../../src/features/health/segments/contract";

type Level = NonNullable<SegmentClient["level"]>;

/** Seed 001's six-point scale, worst to best, as people read it. */
export const LEVEL_LABELS: Record<Level | "none", string> = {
  severe_risk: "Severe Risk",
  high_risk: "High Risk",
  some_risk: "Some Risk",
  satisfied: "Satisfied",
  very_satisfied: "Very Satisfied",
  extremely_satisfied: "Extremely Satisfied",
  none: "Not set",
};

export const LEVEL_TONES: Record<Level, "red" | "orange" | "violet" | "blue" | "cyan" | "teal"> = {
  severe_risk: "red",
  high_risk: "orange",
  some_risk: "violet",
  satisfied: "blue",
  very_satisfied: "cyan",
  extremely_satisfied: "teal",
};

export const STATUS_LABELS: Record<SegmentClient["status"], string> = {
  onboarding: "Onboarding",
  active: "Active",
  at_risk: "At risk",
  churned: "Churned",
  inactive: "Inactive",
};

export const QUARTER_LABELS = {
  this_quarter: "This quarter",
  next_quarter: "Next quarter",
  last_quarter: "Last quarter",
  Q1: "Q1 (next one)",
  Q2: "Q2 (next one)",
  Q3: "Q3 (next one)",
  Q4: "Q4 (next one)",
} as const;

export const USAGE_LABELS = {
  declining: "Declining (down > 10 %)",
  flat: "Flat (within ±10 %)",
  growing: "Growing (up > 10 %)",
  no_data: "No usage data",
} as const;

/** "$120,000" for minor units in a currency (cents only when there are any). */
export function formatMoney(minor: number, currency: string): string {
  const major = minor / 100;
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency,
      minimumFractionDigits: minor % 100 === 0 ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(major);
  } catch {
    return `${major.toFixed(2)} ${currency}`;
  }
}
