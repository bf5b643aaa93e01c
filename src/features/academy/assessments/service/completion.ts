import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import type { AssessmentRow } from "../store.js";

/**
 * After a pass, the learner's module (module test) or level (exam) completion may change. The learning
 * area owns completion; it is refreshed here in the grading transaction.
 */
export async function refreshCompletionAfterPass(
  _ctx: AppContext,
  _tx: Db,
  _userId: string,
  _assessment: AssessmentRow,
): Promise<void> {
  // Wired to the learning area's completion refresh once it exists (see the report).
}
