/**
 * The browser's clock may be wrong: a deadline is turned into a local instant from the server's own
 * `serverNow`, so the countdown shows the server's remaining time whatever the device clock says.
 */
export function localDeadline(deadlineIso: string, serverNowIso: string, receivedAtMs: number): number {
  return receivedAtMs + (new Date(deadlineIso).getTime() - new Date(serverNowIso).getTime());
}

/** "1:05:09", "4:07" (hours only when there are any). */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(sec).padStart(2, "0")}`;
}

/** "13 days 4 hours", "1 day 0 hours", "5 hours 2 minutes", "3 minutes 9 seconds". */
export function formatWait(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (d > 0) return `${plural(d, "day")} ${plural(h, "hour")}`;
  if (h > 0) return `${plural(h, "hour")} ${plural(m, "minute")}`;
  return `${plural(m, "minute")} ${plural(s % 60, "second")}`;
}
