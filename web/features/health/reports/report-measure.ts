import type { ReportFacets } from "../../../../src/features/health/reports/contract";
import { formatMoney } from "../clients/money";

export type Measure = "count" | "arr" | "mrr" | "acv";
export type MoneyMetric = ReportFacets["primaryMetric"];

export const MEASURE_LABELS: Record<Measure, string> = { count: "Count", arr: "ARR", mrr: "MRR", acv: "ACV" };

/** A count or money amount of a report, e.g. "12 clients" or "$1.2M". */
export function formatAmount(
  amount: { count: number; value: number },
  measure: Measure,
  currency: string,
  options: { compact?: boolean } = {},
): string {
  if (measure === "count") return `${amount.count.toLocaleString()} ${amount.count === 1 ? "client" : "clients"}`;
  return formatMoney(amount.value, currency, options);
}

/** The number the chart draws for an amount. */
export const measured = (amount: { count: number; value: number }, measure: Measure): number =>
  measure === "count" ? amount.count : amount.value;

/** "12.5%" of a whole, or "0%" when the whole is empty. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return "0%";
  const percent = (part / whole) * 100;
  return `${percent >= 10 || percent === 0 ? Math.round(percent) : Number(percent.toFixed(1))}%`;
}

/** The money column of the client list: the measure when it is money, else the organization's primary metric. */
export const moneyColumnOf = (measure: Measure, primaryMetric: MoneyMetric): MoneyMetric =>
  measure === "count" ? primaryMetric : measure;
