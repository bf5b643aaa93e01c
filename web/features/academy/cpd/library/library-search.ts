import {
  LIBRARY_FORMATS,
  LIBRARY_SORTS,
  type LibraryFormat,
} from "../../../../../src/features/academy/cpd/library/contract";

export type LibrarySearch = {
  q?: string;
  format?: LibraryFormat;
  category?: string;
  sort?: (typeof LIBRARY_SORTS)[number];
  page?: number;
};

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === "string" && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** The library page's URL state, read leniently (an unknown value is dropped, not an error). */
export function validateLibrarySearch(raw: Record<string, unknown>): LibrarySearch {
  const page = Number(raw.page);
  return {
    q: typeof raw.q === "string" && raw.q.trim() ? raw.q.slice(0, 200) : undefined,
    format: oneOf(LIBRARY_FORMATS, raw.format),
    category: typeof raw.category === "string" && raw.category ? raw.category.slice(0, 80) : undefined,
    sort: oneOf(LIBRARY_SORTS, raw.sort),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** The API query string for a search. */
export function libraryQueryString(search: LibrarySearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}
