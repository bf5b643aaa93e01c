import { ScoreFormulaBody } from "../../../../src/features/health/pulses/contract";
import { formValidator } from "../../../api/form-validator";
import type { ScoreFormula } from "./queries";

export type MetricRow = { name: string; weight: number | string; min: number | string; max: number | string };

/** The SuccessScore formula as the form edits it: imported metrics as rows instead of two records. */
export type FormulaValues = {
  usageMetric: string;
  pulseWeight: number | string;
  usageWeight: number | string;
  metrics: MetricRow[];
  pulseHalfLifeDays: number | string;
  staleAfterDays: number | string;
  reviewGap: number | string;
};

const num = (value: number | string): number =>
  typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);

export function formulaToValues(formula: ScoreFormula): FormulaValues {
  return {
    usageMetric: formula.usageMetric ?? "weekly_active_users",
    pulseWeight: formula.weights.pulse,
    usageWeight: formula.weights.usage,
    metrics: Object.entries(formula.weights.metrics ?? {}).map(([name, weight]) => ({
      name,
      weight,
      min: formula.metricRanges?.[name]?.min ?? 0,
      max: formula.metricRanges?.[name]?.max ?? 100,
    })),
    pulseHalfLifeDays: formula.pulseHalfLifeDays ?? 60,
    staleAfterDays: formula.staleAfterDays ?? 30,
    reviewGap: formula.reviewGap ?? 40,
  };
}

export function valuesToFormula(values: FormulaValues): ScoreFormulaBody {
  const rows = values.metrics.map((row) => ({ ...row, name: row.name.trim() }));
  return {
    usageMetric: values.usageMetric.trim(),
    weights: {
      pulse: num(values.pulseWeight),
      usage: num(values.usageWeight),
      metrics: Object.fromEntries(rows.map((row) => [row.name, num(row.weight)])),
    },
    metricRanges: Object.fromEntries(rows.map((row) => [row.name, { min: num(row.min), max: num(row.max) }])),
    pulseHalfLifeDays: num(values.pulseHalfLifeDays),
    staleAfterDays: num(values.staleAfterDays),
    reviewGap: num(values.reviewGap),
  };
}

/** API paths ("weights.pulse", "metricRanges.nps") to the form's fields. */
export function toFormulaFormErrors(fields: Record<string, string>, values: FormulaValues): Record<string, string> {
  const rowOf = (name: string | undefined) => values.metrics.findIndex((row) => row.name.trim() === name);
  const errors: Record<string, string> = {};
  for (const [raw, reason] of Object.entries(fields)) {
    const [head, second, third] = raw.replace(/^body\./, "").split(".");
    let field = raw;
    if (head === "weights" && second === "pulse") field = "pulseWeight";
    else if (head === "weights" && second === "usage") field = "usageWeight";
    else if (head === "weights" && second === "metrics") field = `metrics.${rowOf(third)}.weight`;
    else if (head === "metricRanges") field = `metrics.${rowOf(second)}.${third === "max" ? "max" : "min"}`;
    else if (head) field = head;
    errors[field] ??= reason.charAt(0).toUpperCase() + reason.slice(1);
  }
  return errors;
}

const validateBody = formValidator(ScoreFormulaBody);

/** The contract's rules plus what a form can say better: named, distinct metrics with min below max. */
export function validateFormula(values: FormulaValues): Record<string, string> {
  const errors = toFormulaFormErrors(validateBody(valuesToFormula(values)), values);
  const seen = new Set<string>();
  values.metrics.forEach((row, index) => {
    const name = row.name.trim();
    if (!/^[a-z0-9_]{1,40}$/.test(name))
      errors[`metrics.${index}.name`] = "Use lowercase letters, digits and underscores";
    else if (seen.has(name)) errors[`metrics.${index}.name`] = "Each metric once";
    seen.add(name);
    if (num(row.min) >= num(row.max)) errors[`metrics.${index}.max`] = "Must be above the minimum";
  });
  if (
    num(values.pulseWeight) + num(values.usageWeight) + values.metrics.reduce((s, r) => s + (num(r.weight) || 0), 0) <=
    0
  ) {
    errors.pulseWeight = "At least one weight must be above zero";
  }
  return errors;
}
