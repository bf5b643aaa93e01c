import type { SuccessScoreView } from "../../../../src/features/health/pulses/contract";

type Band = NonNullable<SuccessScoreView["band"]>;

export const BAND_LABELS: Record<Band, string> = { healthy: "Healthy", watch: "Watch", at_risk: "At risk" };
export const BAND_COLORS: Record<Band, { mantine: string; hex: string }> = {
  healthy: { mantine: "green.8", hex: "#2f9e44" },
  watch: { mantine: "yellow.8", hex: "#f08c00" },
  at_risk: { mantine: "red.8", hex: "#e03131" },
};

/** "+4.2" / "−1.5" with a real minus sign. */
export const signed = (change: number): string =>
  `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change).toLocaleString(undefined, { maximumFractionDigits: 1 })}`;

/** "weekly_active_users" → "Weekly active users" for metric keys used as labels. */
export const humanize = (label: string): string => {
  const text = label.replace(/^metric:/, "").replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};
