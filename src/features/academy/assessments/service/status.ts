import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import { lockOfLevel } from "../../catalog/access.js";
import type { AssessmentList, AssessmentStatus } from "../contract.js";
import { retakeDecision } from "../retake-policy.js";
import * as store from "../store.js";
import { loadAssessment } from "./access.js";
import { finishExpiredAttemptsOf } from "./grade.js";
import { iso, presentAssessment, presentAttemptSummary } from "./present.js";

/** The learner's standing on an assessment: attempts, best score, and when the next attempt opens. */
export async function assessmentStatus(ctx: AppContext, actor: Actor, assessmentId: string): Promise<AssessmentStatus> {
  const { db } = ctx.database;
  const assessment = await loadAssessment(db, assessmentId);
  // An attempt whose time ran out counts as graded at once, even if its job has not run yet.
  await finishExpiredAttemptsOf(ctx, actor.userId, assessment.id);
  const rows = await store.attemptsOf(db, actor.userId, assessment.id);
  const now = ctx.clock.now();
  const submitted = rows.filter((r) => r.submittedAt);
  const open = rows.find((r) => !r.submittedAt) ?? null;
  const failedAt = submitted.filter((r) => r.passed === false).map((r) => r.submittedAt as Date);
  const passed = submitted.some((r) => r.passed);
  const decision = retakeDecision(assessment.retakePolicy, failedAt, now);
  const scores = submitted.map((r) => r.scorePercent ?? 0);
  const lock = assessment.levelId ? await lockOfLevel(ctx, actor, assessment.levelId, db) : { open: true as const };
  let blockedBy: AssessmentStatus["blockedBy"] = null;
  if (open) blockedBy = "open_attempt";
  else if (!lock.open) blockedBy = "plan";
  else if (passed && assessment.kind === "exam") blockedBy = "passed";
  else if (!decision.open) blockedBy = "retake_wait";
  return {
    assessment: presentAssessment(assessment),
    attempts: rows.map(presentAttemptSummary),
    bestScorePercent: scores.length > 0 ? Math.max(...scores) : null,
    passed,
    openAttempt: open ? { id: open.id, deadlineAt: iso(open.deadlineAt) } : null,
    canStart: blockedBy === null,
    blockedBy,
    nextAttemptOpensAt: passed && assessment.kind === "exam" ? null : iso(decision.opensAt),
    planMessage: lock.open ? null : lock.message,
    failedAttempts: failedAt.length,
    serverNow: now.toISOString(),
  };
}

/** Live assessments (optionally of a module, level or kind) with the learner's attempts on each. */
export async function listAssessmentsFor(
  ctx: AppContext,
  actor: Actor,
  filter: { kind?: "module_test" | "exam"; moduleId?: string; levelId?: string },
): Promise<AssessmentList> {
  const { db } = ctx.database;
  const [rows, stats] = await Promise.all([store.listAssessments(db, filter), store.attemptStatsOf(db, actor.userId)]);
  const byId = new Map(stats.map((s) => [s.assessmentId, s]));
  return {
    assessments: rows.map((a) => {
      const s = byId.get(a.id);
      return {
        ...presentAssessment(a),
        attemptCount: s?.count ?? 0,
        bestScorePercent: s?.best ?? null,
        passed: s?.passed ?? false,
      };
    }),
  };
}
