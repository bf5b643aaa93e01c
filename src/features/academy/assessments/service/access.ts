import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { activePlans } from "../../catalog/access.js";
import { levelLock } from "../../catalog/plans.js";
import * as store from "../store.js";

/** A live assessment, or 404. */
export async function loadAssessment(db: Db, assessmentId: string) {
  const assessment = await store.findAssessment(db, assessmentId);
  if (!assessment) throw notFound("Assessment");
  return assessment;
}

/**
 * A learner takes an assessment only when a plan they hold opens its level (the catalog's rule, as
 * `assertLevelOpen` applies it; the level's plans came with the assessment); platform admins (academy
 * staff) may take any.
 */
export async function ensureMayTake(ctx: AppContext, db: Db, actor: Actor, assessment: store.AssessmentRow) {
  if (!assessment.levelId) return;
  if (!assessment.levelPlans) throw notFound("Level");
  const lock = levelLock(assessment.levelPlans, await activePlans(ctx, db, actor.userId), actor.isPlatformAdmin);
  if (!lock.open) throw new AppError("forbidden", lock.message);
}

/** The actor's own attempt, or 404: a learner never sees whether another's attempt exists. */
export async function loadOwnAttempt(db: Db, actor: Actor, attemptId: string, options: { forUpdate?: boolean } = {}) {
  const attempt = await store.findAttempt(db, attemptId, options);
  if (!attempt || attempt.userId !== actor.userId) throw notFound("Attempt");
  return attempt;
}
