import { AppError } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { assertLevelOpen } from "../catalog/access.js";
import { refreshCompletion } from "./completion.js";
import { itemPercent } from "./completion-rules.js";
import type { StatementInput, StatementsBody, StatementsResponse } from "./contract.js";
import { type ItemState, readItemState } from "./item-state.js";
import type { statements } from "./schema.js";
import * as store from "./store.js";
import { type ProgramContents, programNode } from "./tree.js";
import { coveredSeconds, isFullyWatched, mergeSegments, trimToBudget, watchedPercent } from "./watched-segments.js";

/** The fastest playback that counts: reports cannot hold more than the wall-clock time passed x this. */
export const MAX_PLAYBACK_RATE = 2;
/** What a video's very first report may hold (network and timer jitter). */
export const REPORT_SLACK_SECONDS = 2;
/** The most a video's bucket holds after a long pause, so waiting does not bank a whole video. */
export const BUDGET_CAP_SECONDS = 30;

/**
 * The plausibility bucket of one video for one learner (shared by every tab and device): it refills with
 * the wall-clock time since the last report x MAX_PLAYBACK_RATE, up to BUDGET_CAP_SECONDS, and starts with
 * REPORT_SLACK_SECONDS. Segments beyond what it holds do not count, so a forged or scrubbed "played [0, end]",
 * many reports at once, or fresh registrations gain nothing that real time did not allow.
 */
export function refillBudget(budget: { seconds: number; at: string } | undefined, now: Date): number {
  if (!budget) return REPORT_SLACK_SECONDS;
  const elapsed = Math.max(0, (now.getTime() - Date.parse(budget.at)) / 1000);
  return Math.min(Math.max(BUDGET_CAP_SECONDS, budget.seconds), budget.seconds + elapsed * MAX_PLAYBACK_RATE);
}
const DAY_MS = 24 * 3600 * 1000;

type Results = StatementsResponse["results"];
type StatementRow = typeof statements.$inferInsert;

/**
 * Records a batch of the player's statements in one transaction: each is stored append-only (xAPI shape),
 * folded into the learner's item progress (segments merged as a union, right answers kept), and the
 * lesson, module, level and program progress is re-derived, sending completion events the first time.
 * Two tabs saving at once cannot lose each other's progress: the learner lock serializes them and every
 * write is a merge.
 */
export async function recordStatements(
  ctx: AppContext,
  actor: Actor,
  body: StatementsBody,
): Promise<StatementsResponse> {
  const userId = actor.userId;
  return ctx.database.db.transaction(async (tx) => {
    const { itemsById, questionsById } = await resolve(tx, body.statements);
    for (const levelId of new Set([...itemsById.values()].map((i) => i.levelId))) {
      await assertLevelOpen(ctx, actor, levelId, tx);
    }
    await store.lockLearner(tx, userId);

    const programs = new Map<string, ProgramContents>();
    for (const { programId } of itemsById.values()) {
      if (!programs.has(programId)) programs.set(programId, await store.programContents(tx, programId));
    }
    const progressRows = await store.itemProgressOf(tx, userId, [...itemsById.keys()]);
    const before = new Map(progressRows.map((r) => [r.itemId, r]));
    const states = new Map<string, ItemState>();
    const stateOf = (itemId: string) => {
      let s = states.get(itemId);
      if (!s) {
        const item = itemsById.get(itemId);
        s = readItemState(before.get(itemId)?.state, durationOf(item?.item.data ?? {}) || undefined);
        states.set(itemId, s);
      }
      return s;
    };

    const now = ctx.clock.now();
    const rows: StatementRow[] = [];
    const results: Results = [];
    for (const [index, st] of body.statements.entries()) {
      const timestamp = clampTime(st.timestamp, now);
      if (st.verb === "played") {
        const entry = itemsById.get(st.itemId);
        if (!entry) continue;
        const duration = durationOf(entry.item.data);
        const s = stateOf(st.itemId);
        const available = refillBudget(s.budget, now);
        const kept = trimToBudget(st.segments, duration, available);
        s.budget = { seconds: Math.max(0, available - coveredSeconds(kept)), at: now.toISOString() };
        s.segments = mergeSegments([...(s.segments ?? []), ...kept], duration);
        if (st.position !== undefined) s.position = Math.min(st.position, duration);
        rows.push({
          actorId: userId,
          verb: "played",
          objectType: "item",
          objectId: st.itemId,
          result: { extensions: { segments: st.segments, countedSegments: kept, position: st.position ?? null } },
          context: { registration: st.registration, extensions: { lessonId: entry.item.lessonId } },
          timestamp,
        });
        results.push({
          verb: "played",
          itemId: st.itemId,
          countedSeconds: Math.round(coveredSeconds(mergeSegments(kept, duration)) * 100) / 100,
          watchedPercent: watchedPercent(s.segments, duration),
        });
      } else if (st.verb === "answered") {
        const question = questionsById.get(st.questionId);
        if (!question?.itemId)
          throw new AppError("not_found", "Question was not found.", {
            fields: { [`statements.${index}.questionId`]: "no such question" },
          });
        const itemId = question.itemId;
        const s = stateOf(itemId);
        const correct = sameChoices(st.response, question.correct);
        s.tries = { ...(s.tries ?? {}), [question.id]: (s.tries?.[question.id] ?? 0) + 1 };
        if (correct && !s.correct?.includes(question.id)) s.correct = [...(s.correct ?? []), question.id];
        rows.push({
          actorId: userId,
          verb: "answered",
          objectType: "question",
          objectId: question.id,
          result: { response: st.response.join("[,]"), success: correct },
          context: { extensions: { itemId, lessonId: itemsById.get(itemId)?.item.lessonId } },
          timestamp,
        });
        results.push({ verb: "answered", questionId: question.id, correct, explanation: question.explanation });
      } else {
        const entry = itemsById.get(st.itemId);
        if (!entry) continue;
        stateOf(st.itemId).opened = true;
        rows.push({
          actorId: userId,
          verb: st.verb,
          objectType: "item",
          objectId: st.itemId,
          result: st.verb === "completed" && st.response ? { response: st.response, completion: true } : null,
          context: { extensions: { lessonId: entry.item.lessonId } },
          timestamp,
        });
        results.push({ verb: st.verb, itemId: st.itemId });
      }
    }
    await store.insertStatements(tx, rows);

    // Item progress, then everything above each touched lesson.
    const touchedLessons = new Map<string, Set<string>>();
    for (const [itemId, state] of states) {
      const entry = itemsById.get(itemId);
      const contents = entry && programs.get(entry.programId);
      if (!entry || !contents) continue;
      const node = programNode({ id: entry.programId, title: "", moduleRequiresTest: false }, contents)
        .levels.flatMap((l) => l.modules.flatMap((m) => m.lessons.flatMap((le) => le.items)))
        .find((i) => i.id === itemId);
      if (!node) continue;
      const percent = itemPercent(node, singleItemState(itemId, state));
      const done =
        node.kind === "video" ? isFullyWatched(state.segments ?? [], node.durationSeconds ?? 0) : percent >= 100;
      const previous = before.get(itemId);
      await store.upsertItemProgress(tx, {
        userId,
        itemId,
        state: state as Record<string, unknown>,
        percent,
        completedAt: previous?.completedAt ?? (done ? now : null),
        updatedAt: now,
      });
      const lessons = touchedLessons.get(entry.programId) ?? new Set<string>();
      lessons.add(entry.item.lessonId);
      touchedLessons.set(entry.programId, lessons);
    }
    const completed: StatementsResponse["completed"] = [];
    for (const [programId, lessonIds] of touchedLessons) {
      const done = await refreshCompletion(
        ctx,
        tx,
        userId,
        programId,
        { lessonIds: [...lessonIds] },
        programs.get(programId),
      );
      completed.push(...done.map((c) => ({ objectType: c.objectType, objectId: c.objectId })));
    }
    return { results, completed };
  });
}

const durationOf = (data: Record<string, unknown>) =>
  typeof data.durationSeconds === "number" ? data.durationSeconds : 0;

function clampTime(iso: string | undefined, now: Date): Date {
  if (!iso) return now;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return now;
  return new Date(Math.min(now.getTime(), Math.max(now.getTime() - DAY_MS, t)));
}

function sameChoices(given: readonly string[], correct: readonly string[]): boolean {
  const a = [...new Set(given)].sort();
  const b = [...new Set(correct)].sort();
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function singleItemState(itemId: string, s: ItemState) {
  return {
    segments: (id: string) => (id === itemId ? (s.segments ?? []) : []),
    correct: (id: string) => new Set(id === itemId ? (s.correct ?? []) : []),
    opened: (id: string) => id === itemId && s.opened === true,
    passed: () => false,
    bestPercent: () => null,
  };
}

/** Loads the items and knowledge-check questions a batch names; refuses unknown ids and wrong kinds. */
async function resolve(tx: Db, list: StatementInput[]) {
  const questionIds = list.flatMap((s) => (s.verb === "answered" ? [s.questionId] : []));
  const questions = await store.findKnowledgeQuestions(tx, [...new Set(questionIds)]);
  const questionsById = new Map(questions.map((q) => [q.id, q]));
  const itemIds = new Set(list.flatMap((s) => (s.verb === "answered" ? [] : [s.itemId])));
  for (const q of questions) if (q.itemId) itemIds.add(q.itemId);
  const items = await store.findItems(tx, [...itemIds]);
  const itemsById = new Map(items.map((r) => [r.item.id, r]));
  const problems: Record<string, string> = {};
  for (const [index, s] of list.entries()) {
    if (s.verb === "answered") {
      const itemId = questionsById.get(s.questionId)?.itemId;
      if (!itemId || !itemsById.has(itemId))
        problems[`statements.${index}.questionId`] = "no such knowledge-check question";
      continue;
    }
    const item = itemsById.get(s.itemId)?.item;
    if (!item) problems[`statements.${index}.itemId`] = "no such item";
    else if (s.verb === "played" && item.kind !== "video")
      problems[`statements.${index}.verb`] = "only videos are played";
    else if (s.verb !== "played" && (item.kind === "video" || item.kind === "knowledge_check")) {
      problems[`statements.${index}.verb`] = `a ${item.kind.replace("_", " ")} is not ${s.verb}`;
    }
  }
  if (Object.keys(problems).length > 0) {
    const unknown = Object.values(problems).some((p) => p.startsWith("no such"));
    throw new AppError(
      unknown ? "not_found" : "invalid_input",
      unknown ? "Some statements name things that do not exist." : "Some statements do not fit their item.",
      { fields: problems },
    );
  }
  return { itemsById, questionsById };
}
