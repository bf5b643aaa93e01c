import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";

export const SUGGESTION_KINDS = ["mini_course", "guide", "template", "webinar", "event_topic", "guest"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const SUGGESTION_STATUSES = ["submitted", "under_review", "planned", "published", "declined"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** A learner's suggestion for a new CPD training topic (component 4), reviewed by staff. */
export const cpdSuggestions = pgTable(
  "academy_cpd_suggestions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SUGGESTION_KINDS }).notNull(),
    title: text("title").notNull(),
    covers: text("covers").notNull(),
    why: text("why").notNull(),
    status: text("status", { enum: SUGGESTION_STATUSES }).notNull().default("submitted"),
    staffNote: text("staff_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("academy_cpd_suggestions_author_idx").on(t.authorId, t.createdAt),
    index("academy_cpd_suggestions_status_idx").on(t.status),
  ],
);

/** One vote ("support") per user per suggestion. */
export const cpdSuggestionVotes = pgTable(
  "academy_cpd_suggestion_votes",
  {
    suggestionId: uuid("suggestion_id")
      .notNull()
      .references(() => cpdSuggestions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("academy_cpd_suggestion_votes_unique_idx").on(t.suggestionId, t.userId)],
);

/** Every status transition of a suggestion (append-only): who, when, from, to, note. */
export const cpdSuggestionStatusLog = pgTable(
  "academy_cpd_suggestion_status_log",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    suggestionId: uuid("suggestion_id")
      .notNull()
      .references(() => cpdSuggestions.id, { onDelete: "cascade" }),
    fromStatus: text("from_status", { enum: SUGGESTION_STATUSES }),
    toStatus: text("to_status", { enum: SUGGESTION_STATUSES }).notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("academy_cpd_suggestion_status_log_suggestion_idx").on(t.suggestionId, t.at)],
);
