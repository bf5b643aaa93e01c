import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";

/** The five formats of the seed's Content Library. */
export const LIBRARY_FORMATS = ["video", "article", "audio", "download", "tool"] as const;
export type LibraryFormat = (typeof LIBRARY_FORMATS)[number];

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The weighted document full-text search ranks: title (A) above summary (B). One definition for the column. */
export const LIBRARY_DOCUMENT: SQL = sql`setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "summary"), 'B')`;

/**
 * CPD Library items, imported from `content/cpd/` (or a publisher's catalog) by stable `key`: a re-import
 * updates rows in place and archives what disappeared, so completions keep pointing at their ids.
 * `demo` marks the generated demo catalog (shown as demo content). `search` is a generated tsvector (GIN).
 */
export const libraryItems = pgTable(
  "academy_cpd_library_items",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    format: text("format", { enum: LIBRARY_FORMATS }).notNull(),
    category: text("category").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    publishedOn: date("published_on", { mode: "string" }).notNull(),
    /** Article text (Markdown), when the catalog carries it. */
    body: text("body"),
    /** Video or audio file under a content folder's media/ (served at /media/...). */
    mediaSrc: text("media_src"),
    /** The media file's length: "played to the end" is accepted no sooner than half of it after opening. */
    mediaSeconds: integer("media_seconds"),
    /** Download or tool file under downloads/, or an external https link. */
    link: text("link"),
    demo: boolean("demo").notNull().default(false),
    position: integer("position").notNull().default(0),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(() => LIBRARY_DOCUMENT),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("academy_cpd_library_items_key_idx").on(t.key),
    index("academy_cpd_library_items_search_idx").using("gin", t.search),
    index("academy_cpd_library_items_live_idx").on(t.format, t.category).where(sql`${t.archivedAt} is null`),
    check("academy_cpd_library_items_duration_check", sql`${t.durationMinutes} > 0`),
  ],
);

/**
 * The distinct words of live titles (lower-case), rebuilt on every catalog import: the vocabulary the
 * trigram "did you mean" (pg_trgm) picks from when a search finds nothing.
 */
export const libraryWords = pgTable("academy_cpd_library_words", { word: text("word").primaryKey() }, (t) => [
  index("academy_cpd_library_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")),
]);

/** The catalog's last import: its content hash (the start-up import skips an unchanged catalog). */
export const libraryCatalogs = pgTable("academy_cpd_catalogs", {
  id: text("id").primaryKey(),
  contentHash: text("content_hash").notNull(),
  demo: boolean("demo").notNull(),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
});

/**
 * A learner's use of a library item: opened (first time), then completed once. `path_id` is the path the
 * completion was made in (its minutes then count as CPD Paths), null from the library. A video or audio
 * item completes with "played to the end" no sooner than half its duration after it was opened (the
 * fastest playback that counts, as lessons); an article, download or tool once opened and confirmed.
 */
export const libraryCompletions = pgTable(
  "academy_cpd_library_completions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => libraryItems.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    evidence: text("evidence"),
    pathId: uuid("path_id"),
  },
  (t) => [
    uniqueIndex("academy_cpd_library_completions_user_item_idx").on(t.userId, t.itemId),
    index("academy_cpd_library_completions_user_done_idx").on(t.userId, t.completedAt),
  ],
);
