import { assessmentJobs, scheduleAssessmentJobs } from "./features/academy/assessments/jobs.js";
import { cpdRecordChangedEvent } from "./features/academy/cpd/events.js";
import { cpdJobs, scheduleCpdJobs } from "./features/academy/cpd/jobs.js";
import { credentialJobs } from "./features/academy/credentials/jobs.js";
import { levelCompletedEvent, moduleCompletedEvent } from "./features/academy/learning/events.js";
import { billingJobs, scheduleBillingJobs } from "./features/billing/jobs.js";
import { alertJobs, scheduleAlertJobs } from "./features/health/alerts/jobs.js";
import { importRunEvent } from "./features/health/clients/import/events.js";
import { importJobs } from "./features/health/clients/import/jobs.js";
import { pulseSetEvent } from "./features/health/pulses/events.js";
import { refreshScoresEvent, refreshScoresJob } from "./features/health/pulses/jobs.js";
import { buildSnapshotsJob, scheduleSnapshotJobs } from "./features/health/snapshots/jobs.js";
import type { AppContext } from "./platform/context.js";
import { type AnyJob, anyJob, type JobName } from "./platform/jobs/jobs.js";

/** Events that are sent inside transactions; each needs its queue before the first send. */
export const EVENTS: JobName<unknown>[] = [
  moduleCompletedEvent as JobName<unknown>,
  levelCompletedEvent as JobName<unknown>,
  cpdRecordChangedEvent as JobName<unknown>,
  pulseSetEvent as JobName<unknown>,
  importRunEvent as JobName<unknown>,
];

/** Every feature's job handlers. `ctx` is read when a job runs, after the runtime is complete. */
export function featureJobs(ctx: () => AppContext): AnyJob[] {
  return [
    ...assessmentJobs(ctx),
    ...credentialJobs(ctx),
    ...cpdJobs(ctx),
    anyJob(refreshScoresJob(ctx)),
    ...alertJobs(ctx),
    ...importJobs(ctx),
    anyJob(buildSnapshotsJob(ctx)),
    ...billingJobs(ctx),
  ];
}

/** Recurring jobs: name, cron (UTC) and payload. */
export async function scheduleFeatureJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(refreshScoresEvent, "0 2 * * *", {});
  await scheduleAlertJobs(ctx);
  await scheduleSnapshotJobs(ctx);
  await scheduleAssessmentJobs(ctx);
  await scheduleCpdJobs(ctx);
  await scheduleBillingJobs(ctx);
}
