import type { AppContext } from "../../../../platform/context.js";
import type { PoolReport } from "../contract.js";
import { freshAttemptsFor } from "../draw-questions.js";
import * as store from "../store.js";
import { drawPlan } from "./attempts.js";

/**
 * For academy staff: can each assessment's pools give a candidate `attemptsPlanned` attempts in a row
 * without repeating a question (blueprint count x attempts <= pool size, per pool)?
 */
export async function poolReport(ctx: AppContext, attemptsPlanned: number): Promise<PoolReport> {
  const { db } = ctx.database;
  const rows = await store.allLiveAssessments(db);
  const report: PoolReport["assessments"] = [];
  for (const a of rows) {
    const pools = await store.questionPools(db, a);
    const parts = drawPlan(a).map((part) => {
      const poolSize = pools.get(part.source)?.length ?? 0;
      return {
        source: part.source,
        label: part.source === "pool" ? "Exam's own pool" : `Module bank ${part.source}`,
        poolSize,
        perAttempt: part.count,
        freshAttempts: freshAttemptsFor(poolSize, part.count),
      };
    });
    const freshAttempts = parts.length > 0 ? Math.min(...parts.map((p) => p.freshAttempts)) : 0;
    const short = parts.filter((p) => p.freshAttempts < attemptsPlanned);
    const warning = freshAttempts < 1 ? "too_small" : short.length > 0 ? "repeats" : null;
    const message =
      warning === null
        ? null
        : short
            .map(
              (p) =>
                `${p.label}: ${p.poolSize} questions for ${p.perAttempt} per attempt; ${attemptsPlanned} attempts need ${p.perAttempt * attemptsPlanned}`,
            )
            .join("; ");
    report.push({
      id: a.id,
      key: a.key,
      title: a.title,
      kind: a.kind,
      programTitle: a.programTitle,
      parts,
      freshAttempts: Number.isFinite(freshAttempts) ? freshAttempts : 999,
      warning,
      message,
    });
  }
  return { attemptsPlanned, assessments: report };
}
