/**
 * The learning area's public API: the lesson player's reads and writes, progress and "why is this not
 * complete?" checklists, "continue where I left off", and the completion engine other areas rely on.
 *
 * For the assessments area: call `refreshCompletionAfterAssessment(ctx, tx, userId, assessmentId)` inside
 * the transaction that records a submitted (graded) module test or exam attempt; it re-derives the
 * module's or level's completion and sends `academy.module.completed` / `academy.level.completed` once.
 */
import type { AppContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { type Completed, refreshCompletion } from "./completion.js";
import * as store from "./store.js";

export type { Completed } from "./completion.js";

export async function refreshCompletionAfterAssessment(
  ctx: AppContext,
  tx: Db,
  userId: string,
  assessmentId: string,
): Promise<Completed[]> {
  const ref = await store.findAssessmentRef(tx, assessmentId);
  if (!ref) return [];
  await store.lockLearner(tx, userId);
  return refreshCompletion(ctx, tx, userId, ref.programId, {
    moduleIds: ref.moduleId ? [ref.moduleId] : [],
    levelIds: ref.levelId ? [ref.levelId] : [],
  });
}

export { recordStatements } from "./record.js";
export { continueLearning, getLesson, levelProgress, moduleProgress, programProgress } from "./views.js";
