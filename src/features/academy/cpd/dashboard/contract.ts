import { z } from "zod";
import { CalendarDate } from "../../../../kernel/calendar-date.js";
import { orderedRanges } from "../../../../kernel/ordered-range.js";
import { PathStatus } from "../paths/contract.js";

/** GET /api/academy/cpd/dashboard: the seed's four sections (paths, activity, recertification, time). */

export const DashboardQuery = z
  .object({
    /** First day of the CPD Time period (inclusive); default: the current cycle, or this year. */
    from: CalendarDate.optional(),
    /** Last day of the period (inclusive). */
    to: CalendarDate.optional(),
    /** Page of the activity history (50 a page). */
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .check(orderedRanges<{ from?: string; to?: string }>([["from", "to"]]));
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const PathProgress = z.object({
  pathId: z.string(),
  key: z.string(),
  title: z.string(),
  category: z.string(),
  startedOn: z.string(),
  stepsCompleted: z.number().int(),
  stepsTotal: z.number().int(),
  percent: z.number().int(),
  status: PathStatus,
  durationMinutes: z.number().int(),
  /** The step the launch button continues at (null when all are done). */
  nextItemId: z.string().nullable(),
  launchPath: z.string(),
});
export type PathProgress = z.infer<typeof PathProgress>;

export const ActivityRow = z.object({
  id: z.string(),
  completedOn: z.string(),
  title: z.string(),
  assetType: z.string(),
  activityType: z.string(),
  source: z.string(),
  minutes: z.number().int(),
  /** Taken back out of the record (a rejected audit). */
  reversed: z.boolean(),
  launchPath: z.string().nullable(),
});
export type ActivityRow = z.infer<typeof ActivityRow>;

/** Minutes per source in the period, and the total (staff adjustments count in the total only). */
export const CpdTime = z.object({
  from: z.string(),
  to: z.string(),
  library: z.number().int(),
  live: z.number().int(),
  workshops: z.number().int(),
  paths: z.number().int(),
  external: z.number().int(),
  total: z.number().int(),
});
export type CpdTime = z.infer<typeof CpdTime>;

export const STANDINGS = ["on_track", "due", "expired"] as const;

export const Recertification = z.object({
  credentialId: z.string(),
  title: z.string(),
  achievedOn: z.string(),
  anniversaryOn: z.string(),
  expiresOn: z.string(),
  requiredMinutes: z.number().int(),
  /** Minutes counted toward the cycle whose hours are needed now. */
  appliedMinutes: z.number().int(),
  /** Minutes dated within that cycle (applied or not). */
  earnedMinutes: z.number().int(),
  remainingMinutes: z.number().int(),
  cycleStartsOn: z.string(),
  standing: z.enum(STANDINGS),
  forecast: z.object({
    paceMinutesPerDay: z.number(),
    reachesOn: z.string().nullable(),
    beforeExpiry: z.boolean(),
  }),
});
export type Recertification = z.infer<typeof Recertification>;

export const Level5Status = z.object({
  title: z.string(),
  criteria: z.string(),
  met: z.boolean(),
  credentialId: z.string().nullable(),
});

export const Dashboard = z.object({
  program: z.object({ key: z.string(), title: z.string() }),
  timeZone: z.string(),
  paths: z.array(PathProgress),
  activity: z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(ActivityRow),
  }),
  recertification: Recertification.nullable(),
  time: CpdTime,
  level5: Level5Status.nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;
