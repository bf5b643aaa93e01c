/** Converting between calendar days in the person's time zone and the API's UTC instants. */

function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant (ISO) of a wall-clock time on a day in a time zone, e.g. noon on 2026-03-02 in Europe/Paris. */
export function zonedDayTimeToIso(day: string, time: string, timeZone: string): string {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  try {
    let instant = wall - offsetAt(wall, timeZone);
    // Around a daylight-saving change the offset at the guess may differ: settle on the second reading.
    instant = wall - offsetAt(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return new Date(wall).toISOString();
  }
}

/** The calendar day ("YYYY-MM-DD") an instant falls on in a time zone. */
export function dayInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
