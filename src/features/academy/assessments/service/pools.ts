import type { AppContext } from "../../../../platform/context.js";
import type { PoolReport, PoolReportQuery } from "../contract.js";
import { freshAttemptsFor } from "../draw-questions.js";
import * as store from "../store.js";
import { drawPlan } from "./attempts.js";

/**
 * For academy staff: can each assessment's pools give a candidate the attempts they may need in a row
 * without repeating a question (blueprint count x attempts <= pool size, per pool)? Exams and module
 * tests are planned separately; warnings come first.
 */
export async function poolReport(ctx: AppContext, plan: PoolReportQuery): Promise<PoolReport> {
  const { db } = ctx.database;
  const rows = await store.allLiveAssessments(db);
  const report: PoolReport["assessments"] = [];
  for (const a of rows) {
    const attemptsPlanned = a.kind === "exam" ? plan.examAttempts : plan.testAttempts;
    const pools = await store.questionPools(db, a);
    const parts = drawPlan(a).map((part) => {
      const poolSize = pools.get(part.source)?.length ?? 0;
      return {
        source: part.source,
        label:
          part.source === "pool"
            ? "Exam's own pool"
            : a.kind === "exam"
              ? `Exam pool, module ${part.source}`
              : `Module bank ${part.source}`,
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
      attemptsPlanned,
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
  const rank = (w: PoolReport["assessments"][number]["warning"]) => (w === "too_small" ? 0 : w === "repeats" ? 1 : 2);
  report.sort((x, y) => rank(x.warning) - rank(y.warning));
  return { examAttempts: plan.examAttempts, testAttempts: plan.testAttempts, assessments: report };
}
