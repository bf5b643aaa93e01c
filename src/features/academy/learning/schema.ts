import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";
import { items } from "../catalog/schema.js";

export const VERBS = ["played", "paused", "completed", "answered", "attempted", "passed", "failed", "opened"] as const;
export type Verb = (typeof VERBS)[number];

/**
 * Learning events as xAPI-shaped statements, append-only: the one record from which completion, CPD
 * time and audit evidence are derived. `object_type` names the catalog table (`item`, `lesson`,
 * `module`, `assessment`, `level`, `program`), `object_id` its row; `result` and `context` follow xAPI
 * (`result.extensions.segments` for video watching, `result.success`/`score` for answers and tests).
 */
export const statements = pgTable(
  "academy_statements",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    verb: text("verb", { enum: VERBS }).notNull(),
    objectType: text("object_type").notNull(),
    objectId: uuid("object_id").notNull(),
    result: jsonb("result").$type<Record<string, unknown> | null>(),
    context: jsonb("context").$type<Record<string, unknown> | null>(),
    /** When it happened (client-reported, clamped to the server clock). */
    timestamp: timestamp("timestamp", { withTimezone: true }).notNull(),
    /** When the server stored it. */
    storedAt: timestamp("stored_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("academy_statements_actor_object_idx").on(t.actorId, t.objectType, t.objectId),
    index("academy_statements_actor_time_idx").on(t.actorId, t.timestamp),
  ],
);

/**
 * A learner's state per item, derived from statements and kept for fast reads: for a video the merged
 * watched segments (seconds) and the resume position; for a knowledge check which questions are answered
 * correctly. Rebuildable from `academy_statements`.
 */
export const itemProgress = pgTable(
  "academy_item_progress",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id),
    state: jsonb("state").$type<Record<string, unknown>>().notNull().default({}),
    /** 0-100: watched share of a video, share of questions answered correctly, 100 for a done reading. */
    percent: integer("percent").notNull().default(0),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] })],
);

export const PROGRESS_OBJECTS = ["lesson", "module", "level", "program"] as const;

/**
 * A learner's progress per lesson, module, level and program (percent, completion, last activity),
 * updated in the transaction of each statement: what catalog pages and team reports read.
 */
export const progress = pgTable(
  "academy_progress",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    objectType: text("object_type", { enum: PROGRESS_OBJECTS }).notNull(),
    objectId: uuid("object_id").notNull(),
    percent: integer("percent").notNull().default(0),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.objectType, t.objectId] }),
    index("academy_progress_object_idx").on(t.objectType, t.objectId),
  ],
);
