/**
 * PostgreSQL errors that mean the request carried a value the database cannot hold (SQLSTATE class 22).
 * The contracts refuse such values first (kernel/text.ts, kernel/calendar-date.ts); this is the safety
 * net, so a gap in a contract answers 400, never 500.
 */
const INPUT_SQLSTATES: Record<string, string> = {
  "22021": "contains characters that cannot be stored",
  "22P05": "contains characters that cannot be stored",
  "22007": "contains a date that is not valid",
  "22008": "contains a date out of range",
};

/** Why the database refused a value, when `error` (or one of its causes, as Drizzle wraps them) is such an error. */
export function databaseInputProblem(error: unknown): string | null {
  for (
    let e = error, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && INPUT_SQLSTATES[code]) return INPUT_SQLSTATES[code];
  }
  return null;
}
