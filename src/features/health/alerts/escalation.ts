const HOUR_MS = 3_600_000;

export type EscalationState = { raisedAt: Date; claimedAt: Date | null; escalatedAt: Date | null };

/** When an alert escalates if nobody claims it first. */
export const escalatesAt = (raisedAt: Date, escalateAfterHours: number): Date =>
  new Date(raisedAt.getTime() + escalateAfterHours * HOUR_MS);

/** An alert escalates once: when still unclaimed `escalateAfterHours` after it was raised. */
export function escalationDue(alert: EscalationState, escalateAfterHours: number, now: Date): boolean {
  if (alert.claimedAt || alert.escalatedAt) return false;
  return now.getTime() >= escalatesAt(alert.raisedAt, escalateAfterHours).getTime();
}
