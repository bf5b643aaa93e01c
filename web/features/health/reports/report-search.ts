import { z } from "zod";
import { type ReportFilterQuery, ReportMeasure } from "../../../../src/features/health/reports/contract";

/**
 * The reports keep every filter in the URL (seed 001: a view can be bookmarked and shared). Lists are
 * comma-separated, exactly as the API takes them; a value the app cannot read is dropped rather than
 * failing the page, so an old or hand-edited link still opens.
 */
const ok = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
// The router reads "2024" or "12" in a URL as numbers; lists and names are text.
const text = z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().min(1).max(4000));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const REPORT_SORTS = [
  "name",
  "-name",
  "value",
  "-value",
  "renewal",
  "-renewal",
  "level",
  "-level",
  "updated",
  "-updated",
] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
export type SortField = "name" | "value" | "renewal" | "level" | "updated";

const filterFields = {
  clientTypes: ok(text),
  assignedTo: ok(text),
  statuses: ok(text),
  clientSinceFrom: ok(isoDate),
  clientSinceTo: ok(isoDate),
  renewalFrom: ok(isoDate),
  renewalTo: ok(isoDate),
  updatedFrom: ok(isoDate),
  updatedTo: ok(isoDate),
  asOf: ok(isoDate),
  levels: ok(text),
  measure: ok(ReportMeasure),
  sort: ok(z.enum(REPORT_SORTS)),
  page: ok(z.coerce.number().int().min(1).max(100_000)),
};

export const HealthReportSearch = z.object({ ...filterFields, chart: ok(z.enum(["pie", "bar"])) });
export type HealthReportSearch = z.infer<typeof HealthReportSearch>;

export const ReasonsReportSearch = z.object({
  ...filterFields,
  chart: ok(z.enum(["pie", "treemap"])),
  reasonCodeId: ok(z.uuid()),
});
export type ReasonsReportSearch = z.infer<typeof ReasonsReportSearch>;

/** What both reports share: the filters bar reads and writes these. */
export type ReportSearch = z.infer<z.ZodObject<typeof filterFields>>;

/** The filter keys that the filters bar owns ("Clear filters" removes them). */
export const FILTER_KEYS = [
  "clientTypes",
  "assignedTo",
  "statuses",
  "clientSinceFrom",
  "clientSinceTo",
  "renewalFrom",
  "renewalTo",
  "updatedFrom",
  "updatedTo",
  "asOf",
  "levels",
] as const satisfies readonly (keyof ReportSearch)[];

export const PAGE_SIZE = 25;

export const splitList = (value: string | undefined): string[] => (value ? value.split(",").filter(Boolean) : []);
export const joinList = (values: readonly string[]): string | undefined =>
  values.length > 0 ? values.join(",") : undefined;

/** A report's query string: the API's filter query with the page spelled out. */
export type ReportQuery = Omit<ReportFilterQuery, "limit" | "offset"> & { limit: number; offset: number };

/** The API query for a report view (page and page size included). */
export function reportQuery(
  search: ReportSearch & { reasonCodeId?: string },
  page: { limit: number; offset: number } = {
    limit: PAGE_SIZE,
    offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
  },
): ReportQuery {
  return {
    clientTypes: search.clientTypes,
    assignedTo: search.assignedTo,
    statuses: search.statuses,
    clientSinceFrom: search.clientSinceFrom,
    clientSinceTo: search.clientSinceTo,
    renewalFrom: search.renewalFrom,
    renewalTo: search.renewalTo,
    updatedFrom: search.updatedFrom,
    updatedTo: search.updatedTo,
    asOf: search.asOf,
    levels: search.levels,
    reasonCodeId: search.reasonCodeId,
    measure: search.measure ?? "count",
    sort: search.sort ?? "level",
    limit: page.limit,
    offset: page.offset,
  };
}

/** How many filters narrow the view (the measure, chart, sort and page do not count). */
export const activeFilterCount = (search: ReportSearch): number =>
  FILTER_KEYS.filter((key) => search[key] !== undefined).length;
