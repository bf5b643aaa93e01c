import { randomInt, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { type AnswerMap, type AttemptView, SaveAnswersBody, SubmitBody } from "../contract.js";
import { type DrawPart, drawQuestions, examParts, PoolTooSmallError, seededRandom } from "../draw-questions.js";
import { attemptDeadlineEvent } from "../events.js";
import { retakeDecision } from "../retake-policy.js";
import * as store from "../store.js";
import { ensureMayTake, loadAssessment, loadOwnAttempt } from "./access.js";
import { finishAttemptInTx, gradeOf } from "./grade.js";
import { drawnPool, questionsOf } from "./pool-cache.js";
import { presentAttempt, remainingSeconds } from "./present.js";

const isExpired = (attempt: store.AttemptRow, now: Date) =>
  attempt.deadlineAt !== null && attempt.deadlineAt.getTime() <= now.getTime();

/**
 * What an attempt draws: a module test from its module's bank; an exam per blueprint module (from its own
 * pool's questions tagged with the module) and the rest from its own pool.
 */
export function drawPlan(assessment: store.AssessmentRow): DrawPart[] {
  if (assessment.kind === "module_test") {
    return [{ source: assessment.moduleKey ?? "", count: assessment.questionCount }];
  }
  return examParts(assessment.questionCount, assessment.blueprint);
}

async function lockCandidate(tx: Db, userId: string, assessmentId: string) {
  // One start at a time per candidate and assessment (two tabs clicking Start get the same attempt).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`attempt:${userId}:${assessmentId}`}, 0))`);
}

async function view(ctx: AppContext, db: Db, attempt: store.AttemptRow, assessment: store.AssessmentRow) {
  const questionRows = await questionsOf(ctx.database, assessment, attempt.questionIds);
  const grade = attempt.submittedAt ? await gradeOf(db, attempt, assessment.passPercent) : null;
  const moduleIds = questionRows.map((q) => q.examModuleId ?? q.moduleId).filter((id): id is string => id !== null);
  const modules = assessment.kind === "exam" && grade ? await store.moduleNames(db, moduleIds) : new Map();
  return presentAttempt(attempt, assessment, questionRows, ctx.clock.now(), grade, modules);
}

/**
 * Starts an attempt, or returns the one still running (resume). Refused while the retake policy keeps
 * the next attempt closed (409 retake_locked with `fields.opensAt`) and once an exam is passed.
 */
export async function startAttempt(
  ctx: AppContext,
  actor: Actor,
  assessmentId: string,
): Promise<{ attempt: AttemptView; resumed: boolean }> {
  const { db } = ctx.database;
  const assessment = await loadAssessment(db, assessmentId);
  // Read once per content version, outside the lock: the transaction holds only the candidate's rows.
  const [, { pools }] = await Promise.all([
    ensureMayTake(ctx, db, actor, assessment),
    drawnPool(ctx.database, assessment),
  ]);
  const result = await db.transaction(async (tx) => {
    await lockCandidate(tx, actor.userId, assessment.id);
    const now = ctx.clock.now();
    const everyAttempt = await store.attemptsOfUser(tx, actor.userId);
    const previous = everyAttempt.filter((a) => a.assessmentId === assessment.id).sort((a, b) => a.number - b.number);
    for (const open of previous.filter((a) => !a.submittedAt)) {
      if (!isExpired(open, now)) return { attempt: open, resumed: true };
      const finished = await finishAttemptInTx(ctx, tx, open, assessment, "deadline", open.answers);
      if (finished) previous.splice(previous.indexOf(open), 1, finished);
    }
    if (assessment.kind === "exam" && previous.some((a) => a.passed)) {
      throw new AppError("conflict", "You have passed this exam already.");
    }
    const failedAt = previous.filter((a) => a.passed === false && a.submittedAt).map((a) => a.submittedAt as Date);
    const decision = retakeDecision(assessment.retakePolicy, failedAt, now);
    if (!decision.open) {
      throw new AppError(
        "retake_locked",
        `Your next attempt opens at ${decision.opensAt.toISOString()} (after ${failedAt.length} failed attempt${failedAt.length === 1 ? "" : "s"}).`,
        { fields: { opensAt: decision.opensAt.toISOString() } },
      );
    }
    let questionIds: string[];
    try {
      const seen = store.seenIn(everyAttempt);
      questionIds = drawQuestions(pools, drawPlan(assessment), seen, seededRandom(randomInt(2 ** 31)));
    } catch (error) {
      if (!(error instanceof PoolTooSmallError)) throw error;
      throw new AppError(
        "rule_broken",
        `This ${assessment.kind === "exam" ? "exam" : "test"} cannot start: its question pool is too small (${error.message}). Academy staff have been shown a warning.`,
      );
    }
    const deadlineAt = assessment.timeLimitMinutes
      ? new Date(now.getTime() + assessment.timeLimitMinutes * 60_000)
      : null;
    const id = randomUUID();
    const number = (previous.at(-1)?.number ?? 0) + 1;
    const attempt = await store.insertAttemptWithStatement(
      tx,
      {
        id,
        assessmentId: assessment.id,
        userId: actor.userId,
        number,
        questionIds,
        answers: {},
        startedAt: now,
        deadlineAt,
      },
      {
        actorId: actor.userId,
        verb: "attempted",
        objectType: "assessment",
        objectId: assessment.id,
        result: null,
        context: {
          extensions: {
            attemptId: id,
            attemptNumber: number,
            assessmentKind: assessment.kind,
            moduleId: assessment.moduleId,
            levelId: assessment.levelId,
            deadlineAt: deadlineAt?.toISOString() ?? null,
          },
        },
        timestamp: now,
      },
    );
    if (deadlineAt) {
      // Graded at its deadline even if the browser is gone; queued with the attempt, so both or neither
      // exist. The every-minute sweep is the safety net should the job be lost.
      await ctx.jobs.send(
        attemptDeadlineEvent,
        { attemptId: attempt.id },
        { tx, startAfterSeconds: (assessment.timeLimitMinutes ?? 0) * 60 + 1, singletonKey: attempt.id },
      );
    }
    return { attempt, resumed: false };
  });
  return { attempt: await view(ctx, db, result.attempt, assessment), resumed: result.resumed };
}

/** The actor's attempt; one whose deadline passed is graded first, so the result shows at once. */
export async function getAttempt(ctx: AppContext, actor: Actor, attemptId: string): Promise<AttemptView> {
  const { db } = ctx.database;
  let attempt = await loadOwnAttempt(db, actor, attemptId);
  const assessment = await store.findAssessmentAnyState(db, attempt.assessmentId);
  if (!assessment) throw new Error(`attempt ${attempt.id} has no assessment`);
  if (!attempt.submittedAt && isExpired(attempt, ctx.clock.now())) {
    attempt = await db.transaction(async (tx) => {
      const locked = await loadOwnAttempt(tx, actor, attemptId, { forUpdate: true });
      if (locked.submittedAt) return locked;
      return (await finishAttemptInTx(ctx, tx, locked, assessment, "deadline", locked.answers)) ?? locked;
    });
  }
  return view(ctx, db, attempt, assessment);
}

/** Checks answers against the attempt's questions: known question ids and choice keys only. */
async function checkAnswers(db: Db, attempt: store.AttemptRow, answers: AnswerMap): Promise<Record<string, string[]>> {
  const rows = await store.questionsByIds(db, attempt.questionIds);
  const byId = new Map(rows.map((q) => [q.id, q]));
  const fields: Record<string, string> = {};
  const clean: Record<string, string[]> = {};
  for (const [questionId, chosen] of Object.entries(answers)) {
    const q = attempt.questionIds.includes(questionId) ? byId.get(questionId) : undefined;
    if (!q) {
      fields[`answers.${questionId}`] = "is not a question of this attempt";
      continue;
    }
    const keys = new Set(q.choices.map((c) => c.key));
    const unknown = chosen.filter((k) => !keys.has(k));
    if (unknown.length > 0)
      fields[`answers.${questionId}`] = `has no choice ${unknown.map((k) => `"${k}"`).join(", ")}`;
    else if (q.correct.length === 1 && new Set(chosen).size > 1) fields[`answers.${questionId}`] = "takes one choice";
    else clean[questionId] = [...new Set(chosen)];
  }
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", "Some answers are not valid.", { fields });
  return clean;
}

const submittedError = () =>
  new AppError("attempt_closed", "This attempt was submitted; answers can no longer change.");

/** Why an attempt takes no more answers (submitted, or past its deadline), or null while it is open. */
function closedError(attempt: store.AttemptRow, now: Date) {
  if (attempt.submittedAt) return submittedError();
  if (!isExpired(attempt, now)) return null;
  return new AppError(
    "attempt_closed",
    "The time for this attempt ran out; answers after the deadline are not accepted.",
    {
      fields: { deadlineAt: attempt.deadlineAt?.toISOString() ?? "" },
    },
  );
}

/** The saved answers with the new ones applied (an empty list clears a question's answer). */
function mergeAnswers(current: Record<string, string[]>, changes: Record<string, string[]>) {
  const merged = { ...current };
  for (const [id, chosen] of Object.entries(changes)) {
    if (chosen.length === 0) delete merged[id];
    else merged[id] = chosen;
  }
  return merged;
}

/** Autosave: merges the given answers (an empty list clears one). Refused once submitted or past the deadline. */
export async function saveAnswers(ctx: AppContext, actor: Actor, attemptId: string, input: SaveAnswersBody) {
  const body = SaveAnswersBody.parse(input);
  return ctx.database.db.transaction(async (tx) => {
    const attempt = await loadOwnAttempt(tx, actor, attemptId, { forUpdate: true });
    const now = ctx.clock.now();
    const closed = closedError(attempt, now);
    if (closed) throw closed;
    const merged = mergeAnswers(attempt.answers, await checkAnswers(tx, attempt, body.answers));
    const saved = await store.updateAnswers(tx, attempt.id, merged);
    if (!saved) throw submittedError();
    return {
      answers: saved.answers,
      savedAt: now.toISOString(),
      remainingSeconds: remainingSeconds(saved.deadlineAt, now),
    };
  });
}

/** Submits the attempt (with any last answers) and grades it; the review comes back with the result. */
export async function submitAttempt(ctx: AppContext, actor: Actor, attemptId: string, input: SubmitBody) {
  const body = SubmitBody.parse(input);
  const { db } = ctx.database;
  const attempt = await db.transaction(async (tx) => {
    const locked = await loadOwnAttempt(tx, actor, attemptId, { forUpdate: true });
    const now = ctx.clock.now();
    const closed = closedError(locked, now);
    if (closed) throw closed;
    const assessment = await store.findAssessmentAnyState(tx, locked.assessmentId);
    if (!assessment) throw new Error(`attempt ${locked.id} has no assessment`);
    const answers = mergeAnswers(locked.answers, await checkAnswers(tx, locked, body.answers ?? {}));
    const finished = await finishAttemptInTx(ctx, tx, locked, assessment, "learner", answers);
    if (!finished) throw submittedError();
    return finished;
  });
  return getAttempt(ctx, actor, attempt.id);
}
