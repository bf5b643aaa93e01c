import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import * as store from "../store.js";

/** A live assessment, or 404. */
export async function loadAssessment(db: Db, assessmentId: string) {
  const assessment = await store.findAssessment(db, assessmentId);
  if (!assessment) throw notFound("Assessment");
  return assessment;
}

/**
 * A learner takes an assessment only when a plan they hold opens its level (DESIGN.md: memberships);
 * platform admins (academy staff) may take any.
 */
export async function ensureMayTake(ctx: AppContext, db: Db, actor: Actor, assessment: store.AssessmentRow) {
  if (actor.isPlatformAdmin) return;
  const plans = await store.levelPlans(db, assessment.levelId);
  if (!plans) return;
  const held = await store.activePlans(db, actor.userId, ctx.clock.now());
  if (!plans.some((p) => held.includes(p))) {
    throw new AppError("forbidden", `Your membership plan does not open this level (opened by: ${plans.join(", ")}).`);
  }
}

/** The actor's own attempt, or 404: a learner never sees whether another's attempt exists. */
export async function loadOwnAttempt(db: Db, actor: Actor, attemptId: string, options: { forUpdate?: boolean } = {}) {
  const attempt = await store.findAttempt(db, attemptId, options);
  if (!attempt || attempt.userId !== actor.userId) throw notFound("Attempt");
  return attempt;
}
