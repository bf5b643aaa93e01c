import { notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { findClient } from "../../clients/store.js";
import { addDays } from "../../segments/quarters.js";
import { ScoreFormulaBody as FormulaSchema, type ScoreFormulaBody, type SuccessScoreView } from "../contract.js";
import { levelOfRank } from "../pulse-levels.js";
import * as store from "../store.js";
import {
  computeSuccessScore,
  DEFAULT_FORMULA,
  explainMovement,
  type ScoreFormula,
  type ScoreInputs,
  type ScoreResult,
} from "../success-score.js";

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export async function currentFormula(db: Db, orgId: string): Promise<ScoreFormula> {
  return (await store.latestFormula(db, orgId)) ?? DEFAULT_FORMULA;
}

async function inputsFor(
  db: Db,
  orgId: string,
  clientId: string,
  formula: ScoreFormula,
  now: Date,
): Promise<ScoreInputs> {
  const pulse = await store.findCurrentPulse(db, orgId, clientId);
  const since = addDays(dayOf(now), -7 * 12);
  const usage = await store.weeklyUsage(db, orgId, clientId, formula.usageMetric, since);
  return {
    pulse: pulse ? { level: levelOfRank(pulse.rank), effectiveAt: pulse.effectiveAt } : undefined,
    weeklyUsage: usage.length ? usage.map((u) => u.value) : undefined,
    metrics: await store.latestMetrics(db, orgId, clientId, Object.keys(formula.weights.metrics)),
  };
}

/** Computes today's score for a client and keeps it (one row per day and formula version). */
export async function refreshScore(db: Db, ctx: Pick<AppContext, "clock">, orgId: string, clientId: string) {
  const now = ctx.clock.now();
  const formula = await currentFormula(db, orgId);
  const result = computeSuccessScore(formula, await inputsFor(db, orgId, clientId, formula, now), now);
  await store.upsertScore(db, {
    orgId,
    clientId,
    day: dayOf(now),
    formulaVersion: formula.version,
    score: result.score,
    band: result.band,
    capped: result.capped,
    needsReview: result.needsReview,
    components: result.components,
  });
  return result;
}

/** The live score with each component's contribution, why it moved since the last kept day, and 90 days of history. */
export async function successScoreView(ctx: AppContext, orgId: string, clientId: string): Promise<SuccessScoreView> {
  const { db } = ctx.database;
  if (!(await findClient(db, orgId, clientId))) throw notFound("Client");
  const now = ctx.clock.now();
  const formula = await currentFormula(db, orgId);
  const current = computeSuccessScore(formula, await inputsFor(db, orgId, clientId, formula, now), now);
  const previous = await store.previousScore(db, orgId, clientId, formula.version, dayOf(now));
  const previousResult: ScoreResult | null = previous
    ? {
        score: previous.score,
        band: null,
        components: previous.components,
        capped: previous.capped,
        needsReview: previous.needsReview,
        pulseStale: false,
        formulaVersion: previous.formulaVersion,
      }
    : null;
  const history = await store.scoreHistory(db, orgId, clientId, formula.version, addDays(dayOf(now), -90));
  return {
    ...current,
    previous: previous ? { day: previous.day, score: previous.score } : null,
    movement: previousResult ? explainMovement(previousResult, current) : [],
    history: history.map((h) => ({ day: h.day, score: h.score })),
  };
}

export async function getFormula(ctx: AppContext, orgId: string): Promise<ScoreFormula> {
  return currentFormula(ctx.database.db, orgId);
}

/** Saves a new formula version; earlier scores keep the version they were computed with. */
export async function saveFormula(ctx: AppContext, actor: Actor, orgId: string, input: ScoreFormulaBody) {
  const body = FormulaSchema.parse(input);
  return ctx.database.db.transaction(async (tx) => {
    const version = Math.max(await store.maxFormulaVersion(tx, orgId), DEFAULT_FORMULA.version) + 1;
    const formula: ScoreFormula = { ...body, version };
    await store.insertFormula(tx, orgId, formula, actor.userId);
    return formula;
  });
}

/** The daily pass: every active client gets today's score (pulses fade, usage moves). */
export async function refreshAllScores(ctx: AppContext, orgId: string): Promise<number> {
  const ids = await store.listActiveClientIds(ctx.database.db, orgId);
  for (const id of ids) await refreshScore(ctx.database.db, ctx, orgId, id);
  return ids.length;
}
