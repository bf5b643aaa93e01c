import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { refreshCompletionAfterAssessment } from "../../learning/service.js";
import type { AssessmentRow } from "../store.js";

/**
 * After a pass, the learner's module (module test) or level (exam) completion may change. The learning
 * area owns completion: it re-derives it in the grading transaction and sends `academy.module.completed`
 * / `academy.level.completed` (e.g. passing both Level 4 exams completes Level 4) exactly once.
 */
export async function refreshCompletionAfterPass(
  ctx: AppContext,
  tx: Db,
  userId: string,
  assessment: AssessmentRow,
): Promise<void> {
  await refreshCompletionAfterAssessment(ctx, tx, userId, assessment.id);
}
