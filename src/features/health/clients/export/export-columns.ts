import { levelOfRank, PULSE_LABELS } from "../../pulses/pulse-levels.js";

/** One client as an export reads it (the columns segments/store.ts selects). */
export type ExportRow = {
  name: string;
  external_id: string | null;
  client_type: string;
  status: string;
  csm_name: string | null;
  csm_email: string | null;
  arr_minor: number;
  mrr_minor: number;
  acv_minor: number;
  currency: string;
  next_renewal_date: string | null;
  client_since: string | null;
  rank: number | null;
  pulse_at: string | null;
  reasons: string | null;
  score: number | null;
  usage: number | null;
  tags: string[];
  archived: boolean;
};

export type Cell = string | number | null;
export type ExportColumn = {
  header: string;
  /** "money" cells are decimal major units (2 places); "text" cells come from people and are escaped in CSV. */
  kind: "text" | "money" | "number" | "date";
  width: number;
  value: (row: ExportRow) => Cell;
};

const major = (minor: number) => Math.round(minor) / 100;

/**
 * The columns of every client export. Header names match the import's field names, so an exported file
 * can be edited and imported back.
 */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { header: "Name", kind: "text", width: 32, value: (r) => r.name },
  { header: "External ID", kind: "text", width: 16, value: (r) => r.external_id },
  { header: "Client type", kind: "text", width: 16, value: (r) => r.client_type },
  { header: "Status", kind: "text", width: 12, value: (r) => r.status },
  { header: "Assigned CSM", kind: "text", width: 22, value: (r) => r.csm_name },
  { header: "CSM email", kind: "text", width: 28, value: (r) => r.csm_email },
  { header: "ARR", kind: "money", width: 14, value: (r) => major(r.arr_minor) },
  { header: "MRR", kind: "money", width: 14, value: (r) => major(r.mrr_minor) },
  { header: "ACV", kind: "money", width: 14, value: (r) => major(r.acv_minor) },
  { header: "Currency", kind: "text", width: 9, value: (r) => r.currency },
  { header: "Next renewal", kind: "date", width: 13, value: (r) => r.next_renewal_date },
  { header: "Client since", kind: "date", width: 13, value: (r) => r.client_since },
  { header: "Pulse", kind: "text", width: 18, value: (r) => (r.rank ? PULSE_LABELS[levelOfRank(r.rank)] : null) },
  { header: "Pulse set", kind: "date", width: 13, value: (r) => r.pulse_at?.slice(0, 10) ?? null },
  { header: "Pulse reasons", kind: "text", width: 36, value: (r) => r.reasons },
  { header: "SuccessScore", kind: "number", width: 13, value: (r) => r.score },
  {
    header: "Usage change %",
    kind: "number",
    width: 15,
    value: (r) => (r.usage === null ? null : Math.round((r.usage - 50) * 2)),
  },
  { header: "Tags", kind: "text", width: 24, value: (r) => r.tags.join("; ") },
  { header: "Archived", kind: "text", width: 9, value: (r) => (r.archived ? "yes" : "no") },
];

// OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets (the
// full-width = + - @ too: Apple Numbers folds them to the ASCII ones).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes an apostrophe to text a spreadsheet would otherwise run as a formula. */
export const escapeSpreadsheetText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A row's CSV cells: text escaped, money with two decimals, numbers and dates as they are. */
export function csvCells(row: ExportRow): string[] {
  return EXPORT_COLUMNS.map((column) => {
    const value = column.value(row);
    if (value === null) return "";
    if (column.kind === "money") return (value as number).toFixed(2);
    if (column.kind === "text") return escapeSpreadsheetText(String(value));
    return String(value);
  });
}
