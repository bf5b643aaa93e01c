/** Formats an ISO timestamp in the reader's chosen time zone, e.g. "12 May 2026, 14:05". */
export function formatDateTime(iso: string, timeZone?: string): string {
  return safeFormat(iso, { dateStyle: "medium", timeStyle: "short", timeZone });
}

/** Formats an ISO timestamp as a date only, e.g. "12 May 2026". */
export function formatDate(iso: string, timeZone?: string): string {
  return safeFormat(iso, { dateStyle: "medium", timeZone });
}

function safeFormat(iso: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  } catch {
    // Unknown time zone: fall back to the browser's.
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: undefined }).format(date);
  }
}
