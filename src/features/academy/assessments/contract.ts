import { z } from "zod";
import { Text } from "../../../kernel/text.js";

/** Request and response shapes of module tests and exams, shared with the web app. */

export const ASSESSMENT_KINDS = ["module_test", "exam"] as const;

export const AssessmentParams = z.object({ assessmentId: z.uuid() });
export const AttemptParams = z.object({ attemptId: z.uuid() });

export const RetakePolicyView = z
  .object({ waitsAfterFailureHours: z.array(z.number()), thenEveryFailureHours: z.number() })
  .nullable();

export const AssessmentSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  programId: z.uuid(),
  programKey: z.string(),
  programTitle: z.string(),
  levelId: z.uuid().nullable(),
  moduleId: z.uuid().nullable(),
  /** For links to the module page (module tests). */
  moduleKey: z.string().nullable(),
  /** The module (module test) or level (exam) it belongs to, for headings and links. */
  parentTitle: z.string().nullable(),
  questionCount: z.number().int(),
  passPercent: z.number().int(),
  /** Null: no time limit. */
  timeLimitMinutes: z.number().int().nullable(),
  retakePolicy: RetakePolicyView,
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const SUBMITTED_BY = ["learner", "deadline"] as const;

export const AttemptSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  startedAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  /** "deadline": the time ran out and the server submitted what was saved. */
  submittedBy: z.enum(SUBMITTED_BY).nullable(),
  questionCount: z.number().int(),
  correctCount: z.number().int().nullable(),
  scorePercent: z.number().int().nullable(),
  passed: z.boolean().nullable(),
});
export type AttemptSummary = z.infer<typeof AttemptSummary>;

/** A learner's standing on one assessment: attempts, best score, and whether and when they may start. */
export const AssessmentStatus = z.object({
  assessment: AssessmentSummary,
  attempts: z.array(AttemptSummary),
  bestScorePercent: z.number().int().nullable(),
  passed: z.boolean(),
  /** An attempt that is still running (resume it rather than start another). */
  openAttempt: z.object({ id: z.uuid(), deadlineAt: z.iso.datetime().nullable() }).nullable(),
  /** May a new attempt start now (false while one is open, once an exam is passed, or during a retake wait)? */
  canStart: z.boolean(),
  /** Why not, when canStart is false. */
  blockedBy: z.enum(["open_attempt", "passed", "retake_wait", "plan"]).nullable(),
  /** When blocked by the plan: which membership opens the level. */
  planMessage: z.string().nullable(),
  /** When the retake policy opens the next attempt (null: no wait). */
  nextAttemptOpensAt: z.iso.datetime().nullable(),
  failedAttempts: z.number().int(),
  serverNow: z.iso.datetime(),
});
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

export const AssessmentListQuery = z.object({
  kind: z.enum(ASSESSMENT_KINDS).optional(),
  moduleId: z.uuid().optional(),
  levelId: z.uuid().optional(),
});
export const AssessmentListItem = AssessmentSummary.extend({
  attemptCount: z.number().int(),
  bestScorePercent: z.number().int().nullable(),
  passed: z.boolean(),
});
export const AssessmentList = z.object({ assessments: z.array(AssessmentListItem) });
export type AssessmentList = z.infer<typeof AssessmentList>;

export const ChoiceView = z.object({ key: z.string(), text: z.string() });

/** A question as the candidate sees it while taking the attempt: never its correct keys. */
export const AttemptQuestion = z.object({
  id: z.uuid(),
  prompt: z.string(),
  choices: z.array(ChoiceView),
  /** More than one choice is to be selected ("select all that apply"). */
  multiple: z.boolean(),
  scenario: z.boolean(),
});

/** Shown only once the attempt is submitted. */
export const ReviewItem = z.object({
  questionId: z.uuid(),
  correct: z.array(z.string()),
  answeredCorrectly: z.boolean(),
  explanation: z.string().nullable(),
});

/** An exam's score on one module's questions (null module: questions tagged with none). */
export const ModuleScore = z.object({
  moduleKey: z.string().nullable(),
  moduleTitle: z.string().nullable(),
  correctCount: z.number().int(),
  total: z.number().int(),
  scorePercent: z.number().int(),
});
export type ModuleScore = z.infer<typeof ModuleScore>;

export const AnswerMap = z.record(z.uuid(), z.array(Text.min(1).max(20)).max(8));
export type AnswerMap = z.infer<typeof AnswerMap>;

export const AttemptView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  assessment: AssessmentSummary,
  status: z.enum(["open", "submitted"]),
  startedAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime().nullable(),
  /** The server's time when it answered; remaining = deadlineAt - serverNow. */
  serverNow: z.iso.datetime(),
  remainingSeconds: z.number().int().nullable(),
  /** A submitted exam shows neither its questions nor the answers given (exam items are never reviewed). */
  questions: z.array(AttemptQuestion),
  answers: AnswerMap,
  result: z
    .object({
      submittedAt: z.iso.datetime(),
      submittedBy: z.enum(SUBMITTED_BY),
      correctCount: z.number().int(),
      total: z.number().int(),
      scorePercent: z.number().int(),
      passed: z.boolean(),
      /** Module tests: each question with its key. Exams: always empty (their items stay secret). */
      review: z.array(ReviewItem),
      /** Exams: the score per module (module tests: empty). */
      byModule: z.array(ModuleScore),
    })
    .nullable(),
});
export type AttemptView = z.infer<typeof AttemptView>;

export const SaveAnswersBody = z.object({ answers: AnswerMap });
export type SaveAnswersBody = z.infer<typeof SaveAnswersBody>;
export const SavedAnswers = z.object({
  answers: AnswerMap,
  savedAt: z.iso.datetime(),
  remainingSeconds: z.number().int().nullable(),
});
export const SubmitBody = z.object({ answers: AnswerMap.optional() });
export type SubmitBody = z.infer<typeof SubmitBody>;

/** Admin: can each pool give a candidate `attemptsPlanned` attempts without repeating a question? */
export const PoolPart = z.object({
  source: z.string(),
  label: z.string(),
  poolSize: z.number().int(),
  perAttempt: z.number().int(),
  /** Attempts in a row this pool serves with no repeated question. */
  freshAttempts: z.number().int(),
});
export const PoolReport = z.object({
  /** Attempts in a row a candidate may need: exams, and module tests (seed: two attempts differ). */
  examAttempts: z.number().int(),
  testAttempts: z.number().int(),
  assessments: z.array(
    z.object({
      id: z.uuid(),
      attemptsPlanned: z.number().int(),
      key: z.string(),
      title: z.string(),
      kind: z.enum(ASSESSMENT_KINDS),
      programTitle: z.string(),
      parts: z.array(PoolPart),
      freshAttempts: z.number().int(),
      /** "too_small": fewer questions than one attempt needs; "repeats": fewer fresh attempts than planned. */
      warning: z.enum(["too_small", "repeats"]).nullable(),
      message: z.string().nullable(),
    }),
  ),
});
export type PoolReport = z.infer<typeof PoolReport>;
export const PoolReportQuery = z.object({
  /** Five: each retake presents a different set of questions (seed 002), as `pulse content check` wants. */
  examAttempts: z.coerce.number().int().min(1).max(20).default(5),
  testAttempts: z.coerce.number().int().min(1).max(20).default(2),
});
export type PoolReportQuery = z.infer<typeof PoolReportQuery>;
