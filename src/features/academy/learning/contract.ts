import { z } from "zod";
import { instant } from "../../../kernel/calendar-date.js";
import { Text } from "../../../kernel/text.js";

/** Request and response shapes of the lesson player and progress views, shared with the web app. */

export const LessonParams = z.object({ lessonId: z.uuid() });
export const ModuleParams = z.object({ moduleId: z.uuid() });
export const LevelParams = z.object({ levelId: z.uuid() });
export const ProgramParams = z.object({ programId: z.uuid() });

const Seconds = z.number().min(0, "cannot be negative").max(86_400, "is longer than a day");
/** Client time; the server clamps it to its own clock (never in the future, at most a day back). */
const When = instant({ message: "must be an ISO date-time" }).optional();

/** Playback reported by the player: the segments really played since its last report (seeks excluded). */
export const PlayedStatement = z.object({
  verb: z.literal("played"),
  itemId: z.uuid(),
  /** One per player (tab and page load), kept in the statement's context (xAPI registration). */
  registration: z.uuid(),
  segments: z
    .array(z.tuple([Seconds, Seconds]).refine(([a, b]) => b >= a, "a segment ends after it starts"))
    .max(500, "too many segments in one report"),
  /** Where the playhead is, for resuming. */
  position: Seconds.optional(),
  timestamp: When,
});
export const AnsweredStatement = z.object({
  verb: z.literal("answered"),
  questionId: z.uuid(),
  response: z.array(Text.min(1).max(40)).min(1, "choose an answer").max(20),
  timestamp: When,
});
/** A reading or scenario shown, a workbook downloaded. */
export const OpenedStatement = z.object({ verb: z.literal("opened"), itemId: z.uuid(), timestamp: When });
/** A scenario exercise answered (the learner's own text, kept as evidence). */
export const CompletedStatement = z.object({
  verb: z.literal("completed"),
  itemId: z.uuid(),
  response: Text.max(10_000).optional(),
  timestamp: When,
});
export const StatementInput = z.discriminatedUnion("verb", [
  PlayedStatement,
  AnsweredStatement,
  OpenedStatement,
  CompletedStatement,
]);
export type StatementInput = z.infer<typeof StatementInput>;

export const StatementsBody = z.object({
  statements: z.array(StatementInput).min(1, "send at least one statement").max(50, "send at most 50 at once"),
});
export type StatementsBody = z.infer<typeof StatementsBody>;

export const StatementResult = z.discriminatedUnion("verb", [
  z.object({
    verb: z.literal("played"),
    itemId: z.uuid(),
    /** Seconds of this report that counted (after the plausibility bound). */
    countedSeconds: z.number(),
    watchedPercent: z.number().int(),
  }),
  z.object({
    verb: z.literal("answered"),
    questionId: z.uuid(),
    correct: z.boolean(),
    explanation: z.string().nullable(),
  }),
  z.object({ verb: z.enum(["opened", "completed"]), itemId: z.uuid() }),
]);

export const OBJECT_TYPES = ["lesson", "module", "level", "program"] as const;
export const Completion = z.object({ objectType: z.enum(OBJECT_TYPES), objectId: z.uuid() });

export const StatementsResponse = z.object({
  results: z.array(StatementResult),
  /** What these statements completed for the first time. */
  completed: z.array(Completion),
});
export type StatementsResponse = z.infer<typeof StatementsResponse>;

/** Where to go for the next missing thing. */
export const Target = z.discriminatedUnion("type", [
  z.object({ type: z.literal("lesson"), lessonId: z.uuid(), itemId: z.uuid().nullable() }),
  z.object({ type: z.literal("assessment"), assessmentId: z.uuid() }),
  z.object({ type: z.literal("level"), levelId: z.uuid() }),
]);
export type Target = z.infer<typeof Target>;

const InLesson = { lessonId: z.uuid(), lessonTitle: z.string(), itemId: z.uuid(), title: z.string() };
export const Missing = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("video"), ...InLesson, watchedPercent: z.number().int() }),
  z.object({ kind: z.literal("knowledge_check"), ...InLesson, remaining: z.number().int(), total: z.number().int() }),
  z.object({ kind: z.literal("reading"), ...InLesson }),
  z.object({
    kind: z.literal("module_test"),
    moduleId: z.uuid(),
    assessmentId: z.uuid(),
    title: z.string(),
    bestPercent: z.number().int().nullable(),
    passPercent: z.number().int(),
  }),
  z.object({
    kind: z.literal("exam"),
    levelId: z.uuid(),
    assessmentId: z.uuid(),
    title: z.string(),
    bestPercent: z.number().int().nullable(),
    passPercent: z.number().int(),
  }),
  z.object({ kind: z.literal("locked_level"), levelId: z.uuid(), title: z.string(), message: z.string() }),
  z.object({ kind: z.literal("empty"), title: z.string() }),
]);
export type Missing = z.infer<typeof Missing>;

/** "Why is this not complete?": everything missing, in course order, and the next thing to do. */
export const Checklist = z.object({
  percent: z.number().int(),
  complete: z.boolean(),
  /** When it was first completed (kept even if content changed since). */
  completedAt: z.iso.datetime().nullable(),
  missing: z.array(Missing),
  next: Target.nullable(),
});
export type Checklist = z.infer<typeof Checklist>;

export const ChildProgress = z.object({
  id: z.uuid(),
  title: z.string(),
  percent: z.number().int(),
  complete: z.boolean(),
  locked: z.boolean(),
});

export const ProgressView = z.object({
  objectType: z.enum(OBJECT_TYPES),
  id: z.uuid(),
  title: z.string(),
  checklist: Checklist,
  lastActivityAt: z.iso.datetime().nullable(),
  /** Lessons of a module, modules of a level, levels of a program. */
  children: z.array(ChildProgress),
});
export type ProgressView = z.infer<typeof ProgressView>;

export const Choice = z.object({ key: z.string(), text: z.string() });
export const KnowledgeQuestion = z.object({
  id: z.uuid(),
  prompt: z.string(),
  choices: z.array(Choice),
  /** How many choices are right (1: pick one). */
  correctCount: z.number().int(),
});

export const LessonItem = z.object({
  id: z.uuid(),
  kind: z.enum(["video", "reading", "workbook", "scenario", "knowledge_check"]),
  title: z.string(),
  /** Markdown (reading, scenario, workbook description, video transcript). */
  body: z.string().nullable(),
  video: z.object({ src: z.string(), durationSeconds: z.number() }).nullable(),
  download: z.object({ href: z.string(), fileName: z.string() }).nullable(),
  /** Scenario: the model answer, shown after the learner has written theirs. */
  guidance: z.string().nullable(),
  questions: z.array(KnowledgeQuestion),
});
export type LessonItem = z.infer<typeof LessonItem>;

export const ItemProgressView = z.object({
  itemId: z.uuid(),
  percent: z.number().int(),
  complete: z.boolean(),
  /** Video: where to resume (seconds) and what was watched. */
  position: z.number(),
  watched: z.array(z.tuple([z.number(), z.number()])),
  /** Knowledge check: questions answered correctly, and answers given per question. */
  correct: z.array(z.uuid()),
  tries: z.record(z.string(), z.number()),
  opened: z.boolean(),
});
export type ItemProgressView = z.infer<typeof ItemProgressView>;

const Ref = z.object({ id: z.uuid(), title: z.string() });
export const LessonView = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  topics: z.array(z.string()),
  program: Ref.extend({ key: z.string() }),
  level: Ref.extend({ number: z.number().int() }),
  /** `key` names the catalog's module page (/academy/modules/<key>). */
  module: Ref.extend({ number: z.number().int(), key: z.string() }),
  previousLessonId: z.uuid().nullable(),
  nextLessonId: z.uuid().nullable(),
  items: z.array(LessonItem),
  progress: z.array(ItemProgressView),
  checklist: Checklist,
});
export type LessonView = z.infer<typeof LessonView>;

export const ContinueView = z.object({
  lesson: z
    .object({
      id: z.uuid(),
      number: z.string(),
      title: z.string(),
      moduleId: z.uuid(),
      moduleTitle: z.string(),
      levelId: z.uuid(),
      programId: z.uuid(),
      percent: z.number().int(),
      /** "resume": the latest lesson not yet complete; "next": the first one not complete in course order. */
      reason: z.enum(["resume", "next"]),
    })
    .nullable(),
});
export type ContinueView = z.infer<typeof ContinueView>;
export const ContinueQuery = z.object({ programId: z.uuid().optional() });
