import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";
import { assessments } from "../catalog/schema.js";

/**
 * One attempt at a module test or an exam, append-only once submitted. The drawn questions are fixed at
 * the start; `deadline_at` (timed exams) is set by the server clock at the start and never moves.
 * `answers` maps question id -> chosen choice keys, autosaved until submission.
 */
export const attempts = pgTable(
  "academy_attempts",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    questionIds: uuid("question_ids").array().notNull(),
    answers: jsonb("answers").$type<Record<string, string[]>>().notNull().default({}),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** "learner" or "deadline" (graded by the job after the time ran out). */
    submittedBy: text("submitted_by"),
    correctCount: integer("correct_count"),
    scorePercent: integer("score_percent"),
    passed: boolean("passed"),
  },
  (t) => [
    uniqueIndex("academy_attempts_user_assessment_idx").on(t.userId, t.assessmentId, t.number),
    index("academy_attempts_open_deadline_idx").on(t.deadlineAt).where(sql`submitted_at is null`),
  ],
);
