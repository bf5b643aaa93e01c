/** Calendar dates as "YYYY-MM-DD" strings; quarters start in the organization's fiscal-year month. */
export type IsoDate = string;
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };
export type DateRange = { from: IsoDate; toExclusive: IsoDate };

const iso = (year: number, monthIndex: number): IsoDate => {
  const d = new Date(Date.UTC(year, monthIndex, 1));
  return d.toISOString().slice(0, 10);
};

/** The fiscal quarter a date falls in; `fiscalStartMonth` 1 = January. Year = the year the fiscal year starts. */
export function quarterOf(date: IsoDate, fiscalStartMonth = 1): Quarter {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const offset = (m - fiscalStartMonth + 12) % 12;
  const year = m >= fiscalStartMonth ? y : y - 1;
  return { year, quarter: (Math.floor(offset / 3) + 1) as Quarter["quarter"] };
}

/** First day of the quarter, and first day after it. */
export function quarterRange(q: Quarter, fiscalStartMonth = 1): DateRange {
  const startMonth = fiscalStartMonth - 1 + (q.quarter - 1) * 3;
  return { from: iso(q.year, startMonth), toExclusive: iso(q.year, startMonth + 3) };
}

export function addQuarters(q: Quarter, n: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + n;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter["quarter"] };
}

export type QuarterShortcut = "this_quarter" | "next_quarter" | "last_quarter" | "Q1" | "Q2" | "Q3" | "Q4";

/**
 * Resolves "renewing in Q1" and friends against today. A named quarter means the next one that has not
 * ended yet (seed 001's "clients who will renew in Q1"), so in November "Q1" is next year's.
 */
export function resolveQuarterShortcut(shortcut: QuarterShortcut, today: IsoDate, fiscalStartMonth = 1): DateRange {
  const current = quarterOf(today, fiscalStartMonth);
  if (shortcut === "this_quarter") return quarterRange(current, fiscalStartMonth);
  if (shortcut === "next_quarter") return quarterRange(addQuarters(current, 1), fiscalStartMonth);
  if (shortcut === "last_quarter") return quarterRange(addQuarters(current, -1), fiscalStartMonth);
  const wanted = Number(shortcut.slice(1));
  const ahead = (wanted - current.quarter + 4) % 4;
  return quarterRange(addQuarters(current, ahead), fiscalStartMonth);
}

export const addDays = (date: IsoDate, days: number): IsoDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
