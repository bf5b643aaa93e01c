const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as YYYY-MM-DD (reminders and digests are once per such day). */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

/** A client needs a reminder when its pulse was last set before this instant (or never). */
export const pulseReminderCutoff = (now: Date, reminderDays: number): Date =>
  new Date(now.getTime() - reminderDays * DAY_MS);

/** The digest mails what was not mailed yet, but nothing older than this (e.g. from while mail was off). */
export const DIGEST_LOOKBACK_DAYS = 7;
export const digestSince = (now: Date): Date => new Date(now.getTime() - DIGEST_LOOKBACK_DAYS * DAY_MS);
