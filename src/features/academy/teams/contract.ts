import { z } from "zod";
import { Text } from "../../../kernel/text.js";

/**
 * Team progress: each member's progress per module, with module-test scores and attempts, and their
 * certification exam results (best score, passed, attempts used) with whether they hold the certification.
 */

export const PROGRESS_STATUSES = ["not_started", "in_progress", "completed"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const TeamProgressFilter = z.object({
  /** One person (user id). */
  person: z.uuid("is not a valid user id").optional(),
  /** Name or email contains. */
  q: Text.trim().max(200).optional(),
  /** A program key. */
  program: Text.trim().max(120).optional(),
  status: z.enum(PROGRESS_STATUSES).optional(),
});
export type TeamProgressFilter = z.infer<typeof TeamProgressFilter>;

export const TeamProgressQuery = TeamProgressFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TeamProgressQuery = z.infer<typeof TeamProgressQuery>;

export const TeamProgressRow = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  program: z.object({ key: z.string(), title: z.string() }),
  level: z.object({ number: z.number().int(), title: z.string() }),
  module: z.object({ key: z.string(), number: z.number().int(), title: z.string() }),
  percent: z.number().int(),
  status: z.enum(PROGRESS_STATUSES),
  completedAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  test: z.object({
    attempts: z.number().int(),
    bestScorePercent: z.number().int().nullable(),
    lastScorePercent: z.number().int().nullable(),
    passed: z.boolean(),
  }),
});
export type TeamProgressRow = z.infer<typeof TeamProgressRow>;

/** A member's standing for a program's certification ("not_certified": never issued). */
export const CERTIFICATION_STATUSES = ["certified", "not_certified", "expired", "revoked"] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

export const TeamExamResult = z.object({
  key: z.string(),
  title: z.string(),
  level: z.object({ number: z.number().int(), title: z.string() }),
  passPercent: z.number().int(),
  /** Submitted attempts (an attempt still open is not counted). */
  attempts: z.number().int(),
  bestScorePercent: z.number().int().nullable(),
  passed: z.boolean(),
  lastAttemptAt: z.string().nullable(),
});
export type TeamExamResult = z.infer<typeof TeamExamResult>;

/** One member's exams of one program, and the program's certification where it has one (CCSMP). */
export const TeamExamRow = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  program: z.object({ key: z.string(), title: z.string() }),
  exams: z.array(TeamExamResult),
  certification: z
    .object({
      title: z.string(),
      status: z.enum(CERTIFICATION_STATUSES),
      validUntil: z.string().nullable(),
      /** CPD standing toward recertification (certifications that expire): hours this cycle. */
      cpd: z
        .object({
          standing: z.enum(["on_track", "due", "expired"]),
          appliedMinutes: z.number().int(),
          requiredMinutes: z.number().int(),
          expiresOn: z.string(),
        })
        .nullable(),
    })
    .nullable(),
});
export type TeamExamRow = z.infer<typeof TeamExamRow>;

export const TeamProgressPage = z.object({
  rows: z.array(TeamProgressRow),
  /** Exam results of the members and programs in `rows` (programs with exams or a certification). */
  exams: z.array(TeamExamRow),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Programs that can be filtered on. */
  programs: z.array(z.object({ key: z.string(), title: z.string() })),
});
export type TeamProgressPage = z.infer<typeof TeamProgressPage>;
