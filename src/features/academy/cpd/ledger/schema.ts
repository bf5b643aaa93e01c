import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";
import { programs } from "../../catalog/schema.js";

/** Where CPD minutes come from: the five sources of the seed's "CPD Time" and staff adjustments. */
export const CPD_SOURCES = ["library", "live", "workshops", "paths", "external", "adjustment"] as const;
export type CpdSource = (typeof CPD_SOURCES)[number];

/**
 * The CPD record: one append-only ledger of minutes per learner and program. Nothing is updated or
 * deleted; a rejected audit appends a reversal (negative minutes, `reverses_entry_id`, the original's
 * source and date) so the cycle it counted toward is recomputed at read. `source_key` makes writes
 * idempotent (`library:<itemId>:<userId>`: an item is added once). The cycle an entry counts toward is
 * computed at read from `occurred_on` (the learner's local date) and the program's rule set.
 * `statement_id` is the learning statement the entry was derived from, when there is one.
 */
export const cpdEntries = pgTable(
  "academy_cpd_entries",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    source: text("source", { enum: CPD_SOURCES }).notNull(),
    sourceKey: text("source_key").notNull(),
    /** The item, event, path step or self-certification the minutes are for (no FK: several tables). */
    itemId: uuid("item_id"),
    title: text("title").notNull(),
    /** video, article, audio, download, tool, event, book, course, ... */
    assetType: text("asset_type").notNull(),
    /** completed, attended, self-certified, adjusted, reversed, ... */
    activityType: text("activity_type").notNull(),
    minutes: integer("minutes").notNull(),
    /** The learner's local date it happened on. */
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    statementId: uuid("statement_id"),
    reversesEntryId: uuid("reverses_entry_id"),
    /** Who wrote it when it was not the learner's own activity (staff adjustment, audit reversal). */
    recordedBy: uuid("recorded_by"),
    note: text("note"),
    /** Where to relaunch the item (a web path), if anywhere. */
    launchPath: text("launch_path"),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("academy_cpd_entries_source_key_idx").on(t.sourceKey),
    uniqueIndex("academy_cpd_entries_reversal_idx").on(t.reversesEntryId).where(sql`${t.reversesEntryId} is not null`),
    index("academy_cpd_entries_user_idx").on(t.userId, t.programId, t.occurredOn),
    check("academy_cpd_entries_minutes_check", sql`${t.minutes} <> 0`),
  ],
);
