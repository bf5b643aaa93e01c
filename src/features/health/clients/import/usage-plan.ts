import type { RowKind } from "./batch-writer.js";
import { type ColumnMapping, cellOf } from "./column-mapping.js";
import type { ImportRowError, UsageImportField } from "./contract.js";
import { type DateOrder, parseImportDate } from "./parse-date.js";
import type { UsageFigure } from "./store.js";

export type ParsedUsageRow = {
  row: number;
  externalId?: string;
  metric?: string;
  weekStart?: string;
  value?: number;
  errors: ImportRowError[];
};

const METRIC = /^[A-Za-z0-9_. -]{1,40}$/;

/** Reads one usage row; every field is required. Values are whole numbers ("1,234" is fine). */
export function parseUsageRow(
  row: number,
  cells: string[],
  mapping: ColumnMapping<UsageImportField>,
  dateOrder: DateOrder,
): ParsedUsageRow {
  const parsed: ParsedUsageRow = { row, errors: [] };
  const fail = (field: UsageImportField, reason: string) =>
    parsed.errors.push({ row, column: mapping.columnOf(field), reason });
  const cell = (field: UsageImportField) => cellOf(mapping, cells, field);
  parsed.externalId = cell("clientExternalId");
  if (parsed.externalId === undefined) fail("clientExternalId", "is required");
  const metric = cell("metric");
  if (metric === undefined) fail("metric", "is required");
  else if (!METRIC.test(metric)) fail("metric", "must be 1-40 letters, digits, spaces or _ . -");
  else parsed.metric = metric;
  const week = cell("weekStart");
  if (week === undefined) fail("weekStart", "is required");
  else {
    parsed.weekStart = parseImportDate(week, dateOrder) ?? undefined;
    if (!parsed.weekStart) fail("weekStart", `"${week}" is not a date (use YYYY-MM-DD)`);
  }
  const value = cell("value")?.replace(/[,\s]/g, "");
  if (value === undefined) fail("value", "is required");
  else if (!/^\d{1,15}$/.test(value)) fail("value", "must be a whole number of 0 or more");
  else parsed.value = Number(value);
  return parsed;
}

/** A checked row: the figure it writes, and whether that creates, replaces or repeats the stored one. */
export type UsageWriteItem = { row: number; kind: RowKind; figure: UsageFigure };

export const figureKey = (f: { clientId: string; metric: string; weekStart: string }) =>
  `${f.clientId}|${f.metric}|${f.weekStart}`;

/**
 * Matches rows to clients by external id and to stored figures; a figure given twice, or a client that
 * does not exist, is an error of the row. Unchanged figures are not written again (`items` lists every
 * valid row in order, `writes` the figures to save).
 */
export function planUsageImport(
  parsed: ParsedUsageRow[],
  clientIdOf: Map<string, string>,
  stored: Map<string, number>,
  columnOf: (field: UsageImportField) => string,
) {
  const errors = parsed.flatMap((p) => p.errors);
  const items: UsageWriteItem[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const firstRowOf = new Map<string, number>();
  for (const p of parsed) {
    if (p.errors.length) continue;
    const clientId = clientIdOf.get(p.externalId as string);
    if (!clientId) {
      errors.push({
        row: p.row,
        column: columnOf("clientExternalId"),
        reason: `no client has the external id "${p.externalId}"`,
      });
      continue;
    }
    const figure = { clientId, metric: p.metric as string, weekStart: p.weekStart as string, value: p.value as number };
    const key = figureKey(figure);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push({
        row: p.row,
        column: columnOf("weekStart"),
        reason: `this client, metric and week appear again (first in row ${first})`,
      });
      continue;
    }
    firstRowOf.set(key, p.row);
    const before = stored.get(key);
    const kind = before === figure.value ? "unchanged" : before === undefined ? "create" : "update";
    items.push({ row: p.row, kind, figure });
    counts[kind === "create" ? "created" : kind === "update" ? "updated" : "unchanged"]++;
  }
  errors.sort((a, b) => a.row - b.row);
  const writes = items.filter((i) => i.kind !== "unchanged").map((i) => i.figure);
  return { items, writes, errors, counts };
}
