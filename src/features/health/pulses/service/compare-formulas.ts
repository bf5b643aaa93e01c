import { notFound } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import { getClient } from "../../clients/service.js";
import { addDays } from "../../segments/quarters.js";
import type { FormulaComparison } from "../contract.js";
import { levelOfRank } from "../pulse-levels.js";
import { replayScores } from "../score-history.js";
import * as store from "../store.js";
import { DEFAULT_FORMULA, type ScoreFormula } from "../success-score.js";

/** Replays formula versions over a client's last `days` days, so a changed formula can be judged on history. */
export async function compareFormulas(
  ctx: AppContext,
  orgId: string,
  clientId: string,
  versions: number[],
  days: number,
): Promise<FormulaComparison> {
  await getClient(ctx, orgId, clientId);
  const { db } = ctx.database;
  const formulas: ScoreFormula[] = [];
  for (const version of versions) {
    const formula = (await store.findFormula(db, orgId, version)) ?? (version === 1 ? DEFAULT_FORMULA : undefined);
    if (!formula) throw notFound(`SuccessScore formula version ${version}`);
    formulas.push(formula);
  }
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const dayList = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  const metricNames = [...new Set(formulas.flatMap((f) => [f.usageMetric, ...Object.keys(f.weights.metrics)]))];
  const facts = await store.usageFacts(db, orgId, clientId, metricNames, addDays(dayList[0] ?? today, -7 * 13));
  const pulses = (await store.uncorrectedPulses(db, orgId, clientId)).map((p) => ({
    level: levelOfRank(p.rank),
    effectiveAt: p.effectiveAt,
  }));
  return {
    series: formulas.map((formula) => ({
      version: formula.version,
      points: replayScores(formula, dayList, {
        pulses,
        usage: facts.filter((f) => f.metric === formula.usageMetric),
        metrics: facts,
      }),
    })),
  };
}
