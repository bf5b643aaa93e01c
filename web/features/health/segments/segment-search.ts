import {
  SEGMENT_SORTS,
  type SegmentFilter,
  SegmentFilterQuery,
  type SegmentSort,
} from "../../../../src/features/health/segments/contract";

/** The segment builder's state in the URL, so a view can be bookmarked and shared (seed 001). */
export type SegmentSearch = {
  filter: SegmentFilter;
  /** The saved segment the view started from, if any. */
  segment?: string;
  sort: SegmentSort;
  page: number;
};

type SearchValue = string | number;
const NOT_FILTER = new Set(["segment", "sort", "page"]);

/**
 * Reads the builder's state from the router's search object; a part the app cannot read is dropped
 * rather than failing the page, so an old or hand-edited link still opens.
 */
export function readSegmentSearch(search: Record<string, unknown>): SegmentSearch {
  const filter: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(search)) {
    if (NOT_FILTER.has(key) || raw === undefined || raw === null) continue;
    // The router reads "30" as a number and "a,b" as text; the API's query schema takes text for both.
    const parsed = SegmentFilterQuery.safeParse({ [key]: typeof raw === "number" ? String(raw) : raw });
    if (parsed.success) Object.assign(filter, parsed.data);
  }
  const page = Number(search.page);
  return {
    filter: filter as SegmentFilter,
    segment: typeof search.segment === "string" ? search.segment : undefined,
    sort: SEGMENT_SORTS.find((s) => s === search.sort) ?? "name",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The filter as search values: lists comma-separated, numbers as numbers, empty parts left out. */
export function filterToSearch(filter: SegmentFilter): Record<string, SearchValue> {
  const out: Record<string, SearchValue> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? value.join(",") : (value as SearchValue);
  }
  return out;
}

/** The search object for a builder state (defaults left out, so URLs stay short). */
export function toSearch(state: SegmentSearch): Record<string, SearchValue> {
  const out = filterToSearch(state.filter);
  if (state.segment) out.segment = state.segment;
  if (state.sort !== "name") out.sort = state.sort;
  if (state.page > 1) out.page = state.page;
  return out;
}

/** The filter as an API query string (for export links). */
export function filterQueryString(filter: SegmentFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterToSearch(filter))) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether two filters select the same clients by the same parts (order of list items aside). */
export function sameFilter(a: SegmentFilter, b: SegmentFilter): boolean {
  const norm = (f: SegmentFilter) =>
    JSON.stringify(
      Object.entries(filterToSearch(f))
        .map(([k, v]) => [k, typeof v === "string" ? v.split(",").sort().join(",") : v])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return norm(a) === norm(b);
}
