/**
 * The working-day calendar of a schedule: Monday to Friday, no holidays (yet). Offset 0 is the first
 * working day on or after the start date, so an engagement starting on a Saturday starts on Monday.
 * Dates are calendar dates (YYYY-MM-DD) computed in UTC, so no time zone moves them.
 */

const DAY_MS = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);
/** 0 Monday … 6 Sunday. */
const weekday = (time: number) => (new Date(time).getUTCDay() + 6) % 7;

export const isWorkingDay = (date: string) => weekday(toTime(date)) < 5;

/** The first working day on or after the date. */
export function firstWorkingDay(date: string): string {
  let time = toTime(date);
  while (weekday(time) >= 5) time += DAY_MS;
  return toDate(time);
}

/** The date of working day `offset` (0, 1, 2 …) counted from the start date. */
export function workingDayDate(startOn: string, offset: number): string {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError("offset must be a whole number, 0 or more");
  const start = toTime(firstWorkingDay(startOn));
  const weeks = Math.floor(offset / 5);
  let time = start + weeks * 7 * DAY_MS;
  let left = offset - weeks * 5;
  while (left > 0) {
    time += DAY_MS;
    if (weekday(time) < 5) left--;
  }
  return toDate(time);
}

/** How many working days lie from the start date up to (not including) the date: its offset. */
export function workingDayOffset(startOn: string, date: string): number {
  const start = toTime(firstWorkingDay(startOn));
  const end = toTime(date);
  if (end <= start) return 0;
  const days = Math.round((end - start) / DAY_MS);
  const weeks = Math.floor(days / 7);
  let offset = weeks * 5;
  for (let time = start + weeks * 7 * DAY_MS; time < end; time += DAY_MS) if (weekday(time) < 5) offset++;
  return offset;
}

/**
 * The calendar dates of a task scheduled from `start` to `finish` (working-day offsets, finish
 * exclusive): the day it starts and its last working day. A milestone (no duration) starts and finishes
 * on the same day.
 */
export function taskDates(startOn: string, start: number, finish: number): { startOn: string; finishOn: string } {
  return {
    startOn: workingDayDate(startOn, start),
    finishOn: workingDayDate(startOn, finish > start ? finish - 1 : start),
  };
}
