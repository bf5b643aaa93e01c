import { z } from "zod";
import { text } from "../../../../kernel/text.js";

/** The CPD Library's API: `GET /api/academy/cpd/library` answers `{ total, items, facets }`. */
export const LIBRARY_FORMATS = ["video", "article", "audio", "download", "tool"] as const;
export const LibraryFormat = z.enum(LIBRARY_FORMATS);
export type LibraryFormat = z.infer<typeof LibraryFormat>;
export const LIBRARY_SORTS = ["relevance", "newest", "shortest", "title"] as const;
export const LibrarySort = z.enum(LIBRARY_SORTS);
export const LIBRARY_PAGE_SIZE = 20;

export const LibraryQuery = z.object({
  q: text().trim().max(200).optional(),
  format: LibraryFormat.optional(),
  category: text().trim().min(1).max(80).optional(),
  sort: LibrarySort.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type LibraryQuery = z.infer<typeof LibraryQuery>;

/** A highlighted text: runs of plain text and matches, for the browser to render (no HTML). */
export const Highlighted = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Highlighted = z.infer<typeof Highlighted>;

export const LibraryListItem = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  summary: z.string(),
  format: LibraryFormat,
  category: z.string(),
  durationMinutes: z.number().int(),
  publishedOn: z.string(),
  demo: z.boolean(),
  completed: z.boolean(),
  highlight: z.object({ title: Highlighted, summary: Highlighted }),
});
export type LibraryListItem = z.infer<typeof LibraryListItem>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export const LibraryResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  sort: LibrarySort,
  items: z.array(LibraryListItem),
  facets: z.object({ format: z.array(FacetCount), category: z.array(FacetCount) }),
  /** When nothing matched: the query with each word replaced by the most similar title word (pg_trgm). */
  didYouMean: z.string().nullable(),
  /** The catalog is the generated demo: the page says so. */
  demo: z.boolean(),
});
export type LibraryResponse = z.infer<typeof LibraryResponse>;

export const LibraryItemParams = z.object({ itemId: z.uuid() });

export const LibraryItemDetail = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  summary: z.string(),
  format: LibraryFormat,
  category: z.string(),
  durationMinutes: z.number().int(),
  publishedOn: z.string(),
  demo: z.boolean(),
  body: z.string().nullable(),
  /** Where the media plays (`/media/...`), for video and audio with a file. */
  mediaUrl: z.string().nullable(),
  /** A download (`/downloads/...`) or an https link. */
  linkUrl: z.string().nullable(),
  /** How this item is completed: played to the end (media), or opened and confirmed. */
  completeBy: z.enum(["played_to_end", "confirmed"]),
  openedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The paths this item is a step of. */
  paths: z.array(z.object({ id: z.uuid(), title: z.string(), position: z.number().int() })),
});
export type LibraryItemDetail = z.infer<typeof LibraryItemDetail>;

export const CompleteItemBody = z.object({
  evidence: z.enum(["played_to_end", "confirmed"]),
  /** Completing it as a step of this path (its minutes then count as CPD Paths). */
  pathId: z.uuid().optional(),
});
export type CompleteItemBody = z.infer<typeof CompleteItemBody>;

export const CompletionResult = z.object({
  itemId: z.uuid(),
  completedAt: z.string(),
  /** False when it was already completed: an item is added to the CPD record once. */
  added: z.boolean(),
  source: z.enum(["library", "paths"]),
  minutes: z.number().int(),
});
export type CompletionResult = z.infer<typeof CompletionResult>;
