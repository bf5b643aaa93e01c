import type { ReasonCode } from "../../../../src/features/health/pulses/contract";
import { isRiskLevel, type PulseLevelValue } from "./pulse-level-display";

export type ReasonOption = { value: string; label: string };
export type ReasonGroup = { group: string; items: ReasonOption[] };

/** How well a code's kind fits the level: codes that explain this kind of level come first. */
function fitRank(code: ReasonCode, level: PulseLevelValue | null): number {
  if (level === null || code.kind === "both") return 1;
  const wanted = isRiskLevel(level) ? "risk" : "success";
  return code.kind === wanted ? 0 : 2;
}

/**
 * Reason codes grouped by category for the pulse MultiSelect. Risk codes lead for risk levels (success
 * codes for satisfied ones), within each category and in the order of categories. Retired codes are
 * left out unless listed in `keep` (a correction may keep the reasons of the entry it corrects).
 */
export function reasonGroups(codes: ReasonCode[], level: PulseLevelValue | null, keep: string[] = []): ReasonGroup[] {
  const offered = codes.filter((code) => !code.retired || keep.includes(code.id));
  const categories = [...new Set(offered.map((code) => code.category))];
  const groups = categories.map((category) => {
    const inCategory = offered
      .filter((code) => code.category === category)
      .sort((a, b) => fitRank(a, level) - fitRank(b, level) || a.label.localeCompare(b.label));
    return {
      group: category,
      best: Math.min(...inCategory.map((code) => fitRank(code, level))),
      items: inCategory.map((code) => ({
        value: code.id,
        label: code.retired ? `${code.label} (retired)` : code.label,
      })),
    };
  });
  return groups.sort((a, b) => a.best - b.best).map(({ group, items }) => ({ group, items }));
}
