import { z } from "zod";
import { LibraryFormat } from "../library/contract.js";

/** CPD Paths: `GET /api/academy/cpd/paths`, `GET .../paths/:pathId`, `POST .../paths/:pathId/enrolment`. */
export const PATH_STATUSES = ["not_started", "in_progress", "completed"] as const;
export const PathStatus = z.enum(PATH_STATUSES);
export type PathStatus = z.infer<typeof PathStatus>;

export const PathParams = z.object({ pathId: z.uuid() });

export const PathEnrolment = z.object({
  enrolledAt: z.string(),
  completedAt: z.string().nullable(),
  stepsCompleted: z.number().int(),
  percent: z.number().int(),
  status: PathStatus,
  /** The step the launch button continues at (the first not completed), null when all are. */
  nextItemId: z.uuid().nullable(),
});
export type PathEnrolment = z.infer<typeof PathEnrolment>;

export const PathSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  category: z.string(),
  description: z.string(),
  featured: z.boolean(),
  demo: z.boolean(),
  /** Contents by format, in the seed's order: e.g. Articles (2), Videos (4). */
  contents: z.array(z.object({ format: LibraryFormat, count: z.number().int() })),
  steps: z.number().int(),
  durationMinutes: z.number().int(),
  enrolment: PathEnrolment.nullable(),
});
export type PathSummary = z.infer<typeof PathSummary>;

export const PathsResponse = z.object({ paths: z.array(PathSummary) });

export const PathStep = z.object({
  position: z.number().int(),
  itemId: z.uuid(),
  title: z.string(),
  format: LibraryFormat,
  durationMinutes: z.number().int(),
  completed: z.boolean(),
});

export const PathDetail = PathSummary.extend({ stepList: z.array(PathStep) });
export type PathDetail = z.infer<typeof PathDetail>;
