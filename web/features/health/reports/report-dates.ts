export type DateRange = { from?: string; to?: string };
export type DateRangePreset = { label: string; range: DateRange };

/** "YYYY-MM-DD" plus (or minus) whole days; calendar arithmetic in UTC so no day is lost to a clock change. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Seed 001: "see the top risk factors for clients renewing in the next 60 days". */
export const renewalPresets = (today: string): DateRangePreset[] => [
  { label: "Next 30 days", range: { from: today, to: addDays(today, 30) } },
  { label: "Next 60 days", range: { from: today, to: addDays(today, 60) } },
  { label: "Next 90 days", range: { from: today, to: addDays(today, 90) } },
  { label: "Next 12 months", range: { from: today, to: addDays(today, 365) } },
  { label: "Already past", range: { to: addDays(today, -1) } },
];

/** Seed 001: a segment "when Pulse hasn't been set in more than 30 days". */
export const updatedPresets = (today: string): DateRangePreset[] => [
  { label: "Last 7 days", range: { from: addDays(today, -7), to: today } },
  { label: "Last 30 days", range: { from: addDays(today, -30), to: today } },
  { label: "Last 90 days", range: { from: addDays(today, -90), to: today } },
  { label: "Not in the last 30 days", range: { to: addDays(today, -31) } },
  { label: "Not in the last 90 days", range: { to: addDays(today, -91) } },
];

export const clientSincePresets = (today: string): DateRangePreset[] => [
  { label: "Last 90 days", range: { from: addDays(today, -90), to: today } },
  { label: "Last 12 months", range: { from: addDays(today, -365), to: today } },
  { label: "This year", range: { from: `${today.slice(0, 4)}-01-01`, to: today } },
  { label: "More than a year ago", range: { to: addDays(today, -366) } },
];
