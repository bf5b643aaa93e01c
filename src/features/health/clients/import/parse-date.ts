export type DateOrder = "mdy" | "dmy";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * Reads the date formats people export from CRMs and spreadsheets into YYYY-MM-DD, or null:
 * 2027-01-31 (optionally with a time), 2027/1/31, 31.01.2027 (day first), 1/31/2027 or 31/1/2027
 * (month first unless `order` is "dmy" or the first number cannot be a month), 31 Jan 2027, Jan 31, 2027.
 */
export function parseImportDate(text: string, order: DateOrder = "mdy"): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (m) return isoOf(fullYear(m[3] as string), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3] as string)];
    const dayFirst = order === "dmy" ? b <= 12 || a > 12 : a > 12;
    return dayFirst ? isoOf(y, b, a) : isoOf(y, a, b);
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4})$/.exec(t);
  if (m && monthOf(m[2] as string) > 0) return isoOf(Number(m[3]), monthOf(m[2] as string), Number(m[1]));
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && monthOf(m[1] as string) > 0) return isoOf(Number(m[3]), monthOf(m[1] as string), Number(m[2]));
  return null;
}
