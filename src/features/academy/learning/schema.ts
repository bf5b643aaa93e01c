import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";

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
