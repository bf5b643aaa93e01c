import type { AppContext } from "../../../platform/context.js";
import { type AnyJob, anyJob, defineJob } from "../../../platform/jobs/jobs.js";
import { attemptDeadlineEvent, sweepExpiredAttemptsEvent } from "./events.js";
import { finishExpiredAttempt, sweepExpiredAttempts } from "./service.js";

/** At a timed attempt's deadline: grade it if the candidate did not submit. */
export const attemptDeadlineJob = (ctx: () => AppContext) =>
  defineJob({
    ...attemptDeadlineEvent,
    retryLimit: 10,
    retryDelaySeconds: 5,
    handler: async ({ attemptId }) => {
      const c = ctx();
      const result = await finishExpiredAttempt(c, attemptId);
      // The queue ran it before the deadline by the app's clock: run again then (the sweep also catches it).
      if (result.outcome === "not_due") {
        await c.jobs.send(attemptDeadlineEvent, { attemptId }, { startAfterSeconds: result.secondsLeft + 1 });
      }
    },
  });

export const sweepExpiredAttemptsJob = (ctx: () => AppContext) =>
  defineJob({
    ...sweepExpiredAttemptsEvent,
    retryLimit: 2,
    handler: async () => void (await sweepExpiredAttempts(ctx())),
  });

export const assessmentJobs = (ctx: () => AppContext): AnyJob[] => [
  anyJob(attemptDeadlineJob(ctx)),
  anyJob(sweepExpiredAttemptsJob(ctx)),
];

/** Every minute, grade open attempts past their deadline (a safety net behind each attempt's own job). */
export async function scheduleAssessmentJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(sweepExpiredAttemptsEvent, "* * * * *", {});
}
