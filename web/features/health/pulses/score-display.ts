import type { SuccessScoreView } from "../../../../src/features/health/pulses/contract";

type Band = NonNullable<SuccessScoreView["band"]>;

export const BAND_LABELS: Record<Band, string> = { healthy: "Healthy", watch: "Watch", at_risk: "At risk" };
/** Badge fill and text, and `ink` for the score as text on white; all pass WCAG AA. */
export const BAND_COLORS: Record<Band, { hex: string; text: string; ink: string }> = {
  healthy: { hex: "#1f6f32", text: "#fff", ink: "#1f6f32" },
  watch: { hex: "#fab005", text: "#212529", ink: "#9c6500" },
  at_risk: { hex: "#c92a2a", text: "#fff", ink: "#c92a2a" },
};

/** "+4.2" / "−1.5" with a real minus sign. */
export const signed = (change: number): string =>
  `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change).toLocaleString(undefined, { maximumFractionDigits: 1 })}`;

/** "weekly_active_users" → "Weekly active users" for metric keys used as labels. */
export const humanize = (label: string): string => {
  const text = label.replace(/^metric:/, "").replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};
