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

/** A live countdown to a retake: "2 days 03:04:05", "1 day 00:00:09", "03:04:05". */
export function formatWait(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const d = Math.floor(s / 86_400);
  const clock = [Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
  return d > 0 ? `${d} ${d === 1 ? "day" : "days"} ${clock}` : clock;
}
