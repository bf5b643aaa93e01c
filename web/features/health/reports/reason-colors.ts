import type { PulseReasonsReport } from "../../../../src/features/health/reports/contract";
import { CHART_PALETTE } from "../../../ui/charts/chart-palette";

export type Reason = PulseReasonsReport["reasons"][number];

/** How many of the largest reasons the pie labels; the others show their name on hover. */
export const LABELLED_REASONS = 8;
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

/** Each reason takes its category's color, lighter the further down the category it ranks (pie and treemap alike). */
export function reasonColors(reasons: Reason[]): Map<string, string> {
  const colors = new Map<string, string>();
  const categories = categoriesOf(reasons);
  for (const category of categories) {
    const base = categoryColor(categories, category);
    const members = reasons.filter((r) => r.category === category);
    members.forEach((r, i) => {
      colors.set(r.reasonCodeId, tint(base, (i / Math.max(1, members.length)) * 0.55));
    });
  }
  return colors;
}

/** White or near-black, whichever reads better on `hex` (relative luminance, WCAG). */
export function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear((n >> 16) & 255) + 0.7152 * linear((n >> 8) & 255) + 0.0722 * linear(n & 255);
  // Contrast with white is (1.05)/(L+0.05); with #1a1b1e about (L+0.05)/0.06: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.061 ? "#ffffff" : "#1a1b1e";
}
