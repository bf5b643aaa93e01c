import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { type Grade, gradeAttempt } from "../grading.js";
import * as store from "../store.js";
import { refreshCompletionAfterPass } from "./completion.js";

/** Grades the attempt's saved answers against its questions (no writes). */
export async function gradeOf(db: Db, attempt: store.AttemptRow, passPercent: number): Promise<Grade> {
  const rows = await store.questionsByIds(db, attempt.questionIds);
  const byId = new Map(rows.map((q) => [q.id, q]));
  const gradable = attempt.questionIds.map((id) => ({ id, correct: byId.get(id)?.correct ?? [] }));
  return gradeAttempt(gradable, attempt.answers, passPercent);
}

/**
 * Submits and grades an open attempt inside `tx`, writing the xAPI statement (passed/failed) with it.
 * Only the first caller records the grade (the learner and the deadline job may race); returns the
 * finished row, or undefined when it had been submitted already.
 */
export async function finishAttemptInTx(
  ctx: AppContext,
  tx: Db,
  attempt: store.AttemptRow,
  assessment: store.AssessmentRow,
  submittedBy: "learner" | "deadline",
  answers: Record<string, string[]>,
) {
  const now = ctx.clock.now();
  // A deadline submission is stamped at the deadline: nothing after it counted.
  const submittedAt =
    submittedBy === "deadline" && attempt.deadlineAt && attempt.deadlineAt < now ? attempt.deadlineAt : now;
  const grade = await gradeOf(tx, { ...attempt, answers }, assessment.passPercent);
  const finished = await store.finishAttempt(tx, attempt.id, {
    answers,
    submittedAt,
    submittedBy,
    correctCount: grade.correctCount,
    scorePercent: grade.scorePercent,
    passed: grade.passed,
  });
  if (!finished) return undefined;
  await store.insertStatement(tx, {
    actorId: attempt.userId,
    verb: grade.passed ? "passed" : "failed",
    objectType: "assessment",
    objectId: assessment.id,
    result: {
      score: {
        raw: grade.correctCount,
        min: 0,
        max: grade.total,
        scaled: grade.total ? grade.correctCount / grade.total : 0,
      },
      success: grade.passed,
      completion: true,
      extensions: { scorePercent: grade.scorePercent, passPercent: assessment.passPercent, submittedBy },
    },
    context: {
      extensions: {
        attemptId: attempt.id,
        attemptNumber: attempt.number,
        assessmentKind: assessment.kind,
        moduleId: assessment.moduleId,
        levelId: assessment.levelId,
      },
    },
    timestamp: submittedAt,
  });
  if (grade.passed) await refreshCompletionAfterPass(ctx, tx, attempt.userId, assessment);
  return finished;
}

/**
 * Grades an attempt whose deadline has passed (the job and the sweep call this). Idempotent: a submitted
 * or still-running attempt is left alone; returns whether it graded.
 */
export async function finishExpiredAttempt(
  ctx: AppContext,
  attemptId: string,
): Promise<{ outcome: "graded" | "done" } | { outcome: "not_due"; secondsLeft: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const attempt = await store.findAttempt(tx, attemptId, { forUpdate: true });
    if (!attempt || attempt.submittedAt || !attempt.deadlineAt) return { outcome: "done" };
    const left = attempt.deadlineAt.getTime() - ctx.clock.now().getTime();
    if (left > 0) return { outcome: "not_due", secondsLeft: Math.ceil(left / 1000) };
    const assessment = await store.findAssessmentAnyState(tx, attempt.assessmentId);
    if (!assessment) return { outcome: "done" };
    await finishAttemptInTx(ctx, tx, attempt, assessment, "deadline", attempt.answers);
    return { outcome: "graded" };
  });
}

/** Grades the user's open attempts at an assessment whose deadline has passed (before reading their standing). */
export async function finishExpiredAttemptsOf(ctx: AppContext, userId: string, assessmentId: string): Promise<void> {
  const rows = await store.attemptsOf(ctx.database.db, userId, assessmentId);
  const now = ctx.clock.now();
  for (const r of rows) {
    if (!r.submittedAt && r.deadlineAt && r.deadlineAt <= now) await finishExpiredAttempt(ctx, r.id);
  }
}

/** Grades every open attempt whose deadline has passed; returns how many. */
export async function sweepExpiredAttempts(ctx: AppContext): Promise<number> {
  const ids = await store.expiredOpenAttempts(ctx.database.db, ctx.clock.now());
  let graded = 0;
  for (const id of ids) if ((await finishExpiredAttempt(ctx, id)).outcome === "graded") graded++;
  return graded;
}
