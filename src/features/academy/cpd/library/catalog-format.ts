import { z } from "zod";
import { storableText } from "../../../../kernel/text.js";
import { LIBRARY_FORMATS } from "./schema.js";

/**
 * A CPD catalog as a publisher writes it: `catalog.yaml` (format `pulse-cpd-catalog/1`) with its paths and
 * its items (inline under `items`, or in a CSV file beside it named by `itemsCsv`), or one CSV file of
 * items alone (a catalog without paths). Every item and path has a stable `key`: a re-import updates by
 * key and archives what disappeared, as the curricula do.
 */
export const CATALOG_FORMAT = "pulse-cpd-catalog/1";

/** The characters search highlighting marks matches with; catalog text may not contain them. */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

const noMarkers = (value: string) => !value.includes(HIGHLIGHT_START) && !value.includes(HIGHLIGHT_STOP);
const CatalogText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .check(storableText)
    .refine(noMarkers, "must not contain the private-use characters U+E000 or U+E001");

export const CatalogKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, dots and dashes")
  .max(120);

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** One library item: the CSV columns and the YAML `items` entries alike. */
export const CatalogItem = z
  .object({
    key: CatalogKey,
    title: CatalogText(200),
    summary: CatalogText(2000),
    format: z.enum(LIBRARY_FORMATS),
    category: CatalogText(80),
    durationMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    publishedOn: z.iso.date(),
    body: optional(CatalogText(50_000)),
    /** Video or audio under a content folder's media/ (played at /media/...). */
    mediaSrc: optional(
      z.string().regex(/^[\w./-]+\.(webm|mp4|mp3|ogg|m4a)$/, "a media file path (webm, mp4, mp3, ogg, m4a)"),
    ),
    mediaSeconds: optional(
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 3600),
    ),
    /** A file under downloads/ (served at /downloads/...) or an https link. */
    link: optional(
      z.union([z.string().regex(/^[\w./-]+\.(pdf|md|xlsx|docx|csv|txt)$/), z.url({ protocol: /^https$/ }).max(2000)]),
    ),
  })
  .superRefine((item, ctx) => {
    if ((item.mediaSrc === undefined) !== (item.mediaSeconds === undefined))
      ctx.addIssue({ code: "custom", path: ["mediaSeconds"], message: "mediaSrc and mediaSeconds go together" });
    if (item.mediaSrc && item.format !== "video" && item.format !== "audio")
      ctx.addIssue({ code: "custom", path: ["mediaSrc"], message: "only video and audio items play media" });
  });
export type CatalogItem = z.infer<typeof CatalogItem>;

export const CatalogPath = z.object({
  key: CatalogKey,
  title: CatalogText(200),
  category: CatalogText(80),
  description: CatalogText(10_000),
  featured: z.boolean().default(true),
  /** Item keys, in order. */
  steps: z.array(CatalogKey).min(1).max(500),
});
export type CatalogPath = z.infer<typeof CatalogPath>;

export const CatalogFile = z
  .object({
    format: z.literal(CATALOG_FORMAT),
    /** Generated demo content: the UI says so, and it never replaces a publisher's catalog at start-up. */
    demo: z.boolean().default(false),
    itemsCsv: z
      .string()
      .regex(/^[\w.-]+\.csv$/, "a CSV file name beside catalog.yaml")
      .optional(),
    items: z.array(z.unknown()).default([]),
    paths: z.array(z.unknown()).default([]),
  })
  .strict();

/** A catalog read and checked: what the importer writes. */
export type LoadedCatalog = { demo: boolean; items: CatalogItem[]; paths: CatalogPath[] };

export const CSV_COLUMNS = [
  "key",
  "title",
  "summary",
  "format",
  "category",
  "durationMinutes",
  "publishedOn",
  "body",
  "mediaSrc",
  "mediaSeconds",
  "link",
] as const;
