import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";

/**
 * The curricula: programs > levels > modules > lessons > items, plus question banks and assessments.
 * Loaded from `content/` by the importer, keyed by stable `key`s; nothing here is deleted, only archived
 * (`archived_at`), so learners' statements and attempts keep pointing at what they did.
 */

const archivedAt = () => timestamp("archived_at", { withTimezone: true });
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const programs = pgTable("academy_programs", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  key: text("key").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  moduleRequiresTest: boolean("module_requires_test").notNull(),
  moduleBadges: boolean("module_badges").notNull(),
  credentialsExpire: boolean("credentials_expire").notNull(),
  position: integer("position").notNull().default(0),
  /** sha256 of the program as last imported from content/: a start-up import skips an unchanged program. */
  contentHash: text("content_hash"),
  importedAt: timestamp("imported_at", { withTimezone: true }),
  /** Last edit made in the app (admin pages); an import overwrites such edits, so start-up skips it then. */
  editedAt: timestamp("edited_at", { withTimezone: true }),
  archivedAt: archivedAt(),
  updatedAt: updatedAt(),
});

export const levels = pgTable(
  "academy_levels",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull().unique(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    outcome: text("outcome"),
    plans: text("plans").array().notNull(),
    credential: jsonb("credential").$type<{ title: string; kind: "certificate" | "certification" } | null>(),
    /** A CPD level's criteria (content: `cpd`), read by the CPD area. */
    cpd: jsonb("cpd").$type<{ requires: string; hours: number; months: number } | null>(),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("academy_levels_program_idx").on(t.programId)],
);

/** A module's tool (a download); `public` ones need no plan and no sign-in. */
export type Tool = { key: string; title: string; description?: string; file: string; public?: boolean };

export const modules = pgTable(
  "academy_modules",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull().unique(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    levelId: uuid("level_id")
      .notNull()
      .references(() => levels.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    tools: jsonb("tools").$type<Tool[]>().notNull().default([]),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("academy_modules_level_idx").on(t.levelId)],
);

export const lessons = pgTable(
  "academy_lessons",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull().unique(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id),
    number: text("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    topics: text("topics").array().notNull().default([]),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("academy_lessons_module_idx").on(t.moduleId)],
);

export const ITEM_KINDS = ["video", "reading", "workbook", "scenario", "knowledge_check"] as const;
export type ItemKindName = (typeof ITEM_KINDS)[number];

/**
 * A lesson's item. `body` is Markdown (reading, scenario); `data` holds the kind's fields:
 * video `{ src, durationSeconds, transcript? }`, workbook `{ file, public? }`, scenario `{ guidance }`.
 * Knowledge-check questions are rows of `academy_questions` with this item's id.
 */
export const items = pgTable(
  "academy_items",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull().unique(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id),
    kind: text("kind", { enum: ITEM_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("academy_items_lesson_idx").on(t.lessonId)],
);

export const ASSESSMENT_KINDS = ["module_test", "exam"] as const;

/**
 * A module test (drawn from its module's bank) or a level's exam (drawn per `blueprint` from module banks
 * and from its own pool). `retake_policy` null: unlimited attempts without waiting.
 */
export const assessments = pgTable(
  "academy_assessments",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull().unique(),
    kind: text("kind", { enum: ASSESSMENT_KINDS }).notNull(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    levelId: uuid("level_id").references(() => levels.id),
    moduleId: uuid("module_id").references(() => modules.id),
    title: text("title").notNull(),
    description: text("description"),
    questionCount: integer("question_count").notNull(),
    passPercent: integer("pass_percent").notNull(),
    timeLimitMinutes: integer("time_limit_minutes"),
    retakePolicy: jsonb("retake_policy").$type<{
      waitsAfterFailureHours: number[];
      thenEveryFailureHours: number;
    } | null>(),
    blueprint: jsonb("blueprint").$type<Record<string, number> | null>(),
    position: integer("position").notNull().default(0),
    archivedAt: archivedAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("academy_assessments_module_idx").on(t.moduleId), index("academy_assessments_level_idx").on(t.levelId)],
);

export type Choice = { key: string; text: string };

/**
 * A question: of a knowledge-check item (`item_id`), of a module's bank (`module_id`), or of an exam's
 * own pool (`assessment_id`). Correct answers never leave the server before an attempt is submitted.
 * An exam-pool question may name the module it counts for in the exam's blueprint (`exam_module_id`);
 * that does not put it in the module's bank: module tests and knowledge checks never show it.
 */
export const questions = pgTable(
  "academy_questions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    key: text("key").notNull().unique(),
    itemId: uuid("item_id").references(() => items.id),
    moduleId: uuid("module_id").references(() => modules.id),
    assessmentId: uuid("assessment_id").references(() => assessments.id),
    examModuleId: uuid("exam_module_id").references(() => modules.id),
    prompt: text("prompt").notNull(),
    choices: jsonb("choices").$type<Choice[]>().notNull(),
    correct: text("correct").array().notNull(),
    explanation: text("explanation"),
    scenario: boolean("scenario").notNull().default(false),
    position: integer("position").notNull(),
    archivedAt: archivedAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("academy_questions_item_idx").on(t.itemId),
    index("academy_questions_module_idx").on(t.moduleId),
    index("academy_questions_assessment_idx").on(t.assessmentId),
  ],
);

/** A learner's membership plan (assigned by platform admins until billing exists). */
export const memberships = pgTable(
  "academy_memberships",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    plan: text("plan").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    assignedBy: uuid("assigned_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("academy_memberships_user_plan_idx").on(t.userId, t.plan)],
);
