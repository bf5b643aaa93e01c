import { z } from "zod";

/**
 * The dates a request may carry. Nothing Pulse records happened before 2000 (and PostgreSQL has no
 * year 0, which JavaScript and ISO 8601 accept); nothing is planned more than ten years ahead.
 * "Today" is the system clock's: the contracts refuse what is absurd under any clock, and services
 * judge "not in the future" with the app's clock.
 */
export const EARLIEST_DATE = "2000-01-01";
export const YEARS_AHEAD = 10;

/** Today + YEARS_AHEAD years, as YYYY-MM-DD. */
export function latestDate(now: Date = new Date()): string {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + YEARS_AHEAD);
  return latest.toISOString().slice(0, 10);
}

const between = (latest: string) => `must be between ${EARLIEST_DATE} and ${latest}`;

/** A calendar date (YYYY-MM-DD) from EARLIEST_DATE to latestDate(). */
export const calendarDate = (message = "must be a date (YYYY-MM-DD)") =>
  z.iso.date(message).check(
    z.superRefine((value: string, ctx) => {
      const latest = latestDate();
      if (value < EARLIEST_DATE || value > latest)
        ctx.addIssue({ code: "custom", message: between(latest), input: value });
    }),
  );

export const CalendarDate = calendarDate();

/**
 * An instant (ISO 8601 date-time with Z or an offset) from EARLIEST_DATE on. `upTo: "now"` for facts
 * that already happened (the service refuses the future by its clock); otherwise up to latestDate().
 */
export const instant = (options: { upTo?: "now"; message?: string } = {}) =>
  z.iso.datetime({ offset: true, message: options.message ?? "must be a date and time (ISO 8601)" }).check(
    z.superRefine((value: string, ctx) => {
      const at = Date.parse(value);
      const latest = latestDate();
      const tooLate = options.upTo !== "now" && at >= Date.parse(latest) + 86_400_000;
      if (at < Date.parse(EARLIEST_DATE) || tooLate) {
        ctx.addIssue({ code: "custom", message: between(options.upTo ?? latest), input: value });
      }
    }),
  );
