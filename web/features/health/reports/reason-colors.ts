import type { PulseReasonsReport } from "../../../../src/features/health/reports/contract";
import { CHART_PALETTE } from "../../../ui/charts/chart-palette";

export type Reason = PulseReasonsReport["reasons"][number];

/** How many reasons a pie names; the rest share one "Other reasons" slice. */
export const PIE_REASONS = 8;
export const OTHER_COLOR = "#adb5bd";

/** `hex` moved toward white by `t` (0 = unchanged, 1 = white). */
export function tint(hex: string, t: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 255;
    return Math.round(c + (255 - c) * t)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

/** Categories in a stable (alphabetical) order, so a category keeps its color as filters change. */
export const categoriesOf = (reasons: Reason[]): string[] => [...new Set(reasons.map((r) => r.category))].sort();

export const categoryColor = (categories: string[], category: string): string =>
  CHART_PALETTE[categories.indexOf(category) % (CHART_PALETTE.length - 1)] ?? OTHER_COLOR;

/**
 * Each reason's color: in the pie the top reasons take the palette in order; in the treemap a reason
 * takes its category's color, lighter the further down the category it ranks.
 */
export function reasonColors(reasons: Reason[], chart: "pie" | "treemap"): Map<string, string> {
  const colors = new Map<string, string>();
  if (chart === "pie") {
    reasons.forEach((r, i) => {
      colors.set(r.reasonCodeId, i < PIE_REASONS ? (CHART_PALETTE[i] ?? OTHER_COLOR) : OTHER_COLOR);
    });
    return colors;
  }
  const categories = categoriesOf(reasons);
  for (const category of categories) {
    const base = categoryColor(categories, category);
    const members = reasons.filter((r) => r.category === category);
    members.forEach((r, i) => {
      colors.set(r.reasonCodeId, tint(base, Math.min(0.5, (i / Math.max(1, members.length)) * 0.5)));
    });
  }
  return colors;
}
