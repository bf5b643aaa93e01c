import { pulseSetEvent } from "./features/health/pulses/events.js";
import type { AppContext } from "./platform/context.js";
import type { JobDefinition, JobName } from "./platform/jobs/jobs.js";

/** Events that are sent inside transactions; each needs its queue before the first send. */
export const EVENTS: JobName<unknown>[] = [pulseSetEvent as JobName<unknown>];

/** Every feature's job handlers. `ctx` is read when a job runs, after the runtime is complete. */
export function featureJobs(_ctx: () => AppContext): JobDefinition<never>[] {
  return [];
}

/** Recurring jobs: name, cron (UTC) and payload. */
export async function scheduleFeatureJobs(_ctx: AppContext): Promise<void> {}
