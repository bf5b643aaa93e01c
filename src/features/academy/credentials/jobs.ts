import { AppError } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import { type AnyJob, anyJob, defineJob } from "../../../platform/jobs/jobs.js";
import { levelCompletedEvent, moduleCompletedEvent } from "../learning/events.js";
import { type CompletionInput, issueForCompletion } from "./service/issue.js";

/** Issues what a completion earns; a learner deleted since is not retried (there is no one to issue to). */
async function issue(ctx: AppContext, input: CompletionInput): Promise<void> {
  try {
    await issueForCompletion(ctx, input);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return;
    throw error;
  }
}

/** A completed module earns its badge (programs with module badges), at once. */
export const moduleBadgeJob = (ctx: () => AppContext) =>
  defineJob({
    ...moduleCompletedEvent,
    retryLimit: 5,
    handler: (p) =>
      issue(ctx(), { userId: p.userId, object: "module", objectId: p.moduleId, completedAt: p.completedAt }),
  });

/** A completed level earns its certificate or certification, at once. */
export const levelCredentialJob = (ctx: () => AppContext) =>
  defineJob({
    ...levelCompletedEvent,
    retryLimit: 5,
    handler: (p) =>
      issue(ctx(), { userId: p.userId, object: "level", objectId: p.levelId, completedAt: p.completedAt }),
  });

export const credentialJobs = (ctx: () => AppContext): AnyJob[] => [
  anyJob(moduleBadgeJob(ctx)),
  anyJob(levelCredentialJob(ctx)),
];
