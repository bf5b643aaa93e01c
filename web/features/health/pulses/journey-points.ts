import type { PulseEntry } from "../../../../src/features/health/pulses/contract";

export type JourneyPoint = { at: string; entry: PulseEntry };

/** The pulse timeline as it stands: entries no later entry corrects, oldest first. */
export function journeyPoints(entries: PulseEntry[]): JourneyPoint[] {
  return entries
    .filter((entry) => entry.correctedByEntryId === null)
    .map((entry) => ({ at: entry.effectiveAt, entry }))
    .sort(
      (a, b) => Date.parse(a.at) - Date.parse(b.at) || Date.parse(a.entry.recordedAt) - Date.parse(b.entry.recordedAt),
    );
}

/** Escapes text for ECharts' HTML tooltips. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
