import { formatDate } from "../../../ui/format-date";

/** A calendar date (YYYY-MM-DD, already the learner's) shown as such, never shifted by a time zone. */
export const day = (date: string) => formatDate(`${date}T00:00:00Z`, "UTC");

/** Minutes as "12h 5m" ("45m" under an hour). */
export function hm(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  return h > 0 ? `${sign}${h}h ${m % 60}m` : `${sign}${m}m`;
}

export const SOURCE_LABELS = {
  library: "CPD Library",
  live: "Live learning",
  workshops: "Workshops",
  paths: "CPD Paths",
  external: "External CPD",
  adjustment: "Adjustment",
} as Record<string, string>;
