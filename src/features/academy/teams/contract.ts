import { z } from "zod";

/** Team progress: each member's progress per module, with module-test scores and attempts. */

export const PROGRESS_STATUSES = ["not_started", "in_progress", "completed"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const TeamProgressFilter = z.object({
  /** One person (user id). */
  person: z.uuid("is not a valid user id").optional(),
  /** Name or email contains. */
  q: z.string().trim().max(200).optional(),
  /** A program key. */
  program: z.string().trim().max(120).optional(),
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

export const TeamProgressPage = z.object({
  rows: z.array(TeamProgressRow),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Programs that can be filtered on. */
  programs: z.array(z.object({ key: z.string(), title: z.string() })),
});
export type TeamProgressPage = z.infer<typeof TeamProgressPage>;
