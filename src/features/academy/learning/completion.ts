import type { AppContext } from "../../../platform/context.js";
import type { Db, Tx } from "../../../platform/db/database.js";
import { lessonStatus, levelStatus, moduleStatus, programStatus, type Status } from "./completion-rules.js";
import { levelCompletedEvent, moduleCompletedEvent } from "./events.js";
import * as store from "./store.js";
import { learnerState, type ProgramContents, programNode } from "./tree.js";

export type Touched = { lessonIds?: string[]; moduleIds?: string[]; levelIds?: string[] };
export type Completed = { objectType: store.ObjectType; objectId: string; statementId: string };

/**
 * Recomputes the learner's progress for what was touched and everything above it (lesson -> module ->
 * level -> program), in `tx`, which must hold the learner lock (store.lockLearner). The first time an
 * object turns complete, a `completed` statement is written and, for modules and levels, the completion
 * event is sent in the same transaction: exactly once per learner and object, since completed_at is
 * never cleared and the lock serializes the learner's writes. `tx` must be a transaction (callers in the
 * assessments area hold it typed as Db).
 */
export async function refreshCompletion(
  ctx: AppContext,
  tx: Db,
  userId: string,
  programId: string,
  touched: Touched,
  loaded?: ProgramContents,
): Promise<Completed[]> {
  const program = await store.findProgram(tx, programId);
  if (!program) return [];
  const contents = loaded ?? (await store.programContents(tx, programId));
  const tree = programNode(program, contents);
  const state = await learnerState(tx, userId, contents);
  const now = ctx.clock.now();

  const lessonIds = new Set(touched.lessonIds ?? []);
  const moduleIds = new Set(touched.moduleIds ?? []);
  const levelIds = new Set(touched.levelIds ?? []);
  for (const lesson of contents.lessons) if (lessonIds.has(lesson.id)) moduleIds.add(lesson.moduleId);
  for (const module of contents.modules) if (moduleIds.has(module.id)) levelIds.add(module.levelId);

  const statuses: { objectType: store.ObjectType; objectId: string; status: Status }[] = [];
  for (const level of tree.levels) {
    for (const module of level.modules) {
      for (const lesson of module.lessons) {
        if (lessonIds.has(lesson.id))
          statuses.push({ objectType: "lesson", objectId: lesson.id, status: lessonStatus(lesson, state) });
      }
      if (moduleIds.has(module.id)) {
        statuses.push({
          objectType: "module",
          objectId: module.id,
          status: moduleStatus(module, state, tree.moduleRequiresTest),
        });
      }
    }
    if (levelIds.has(level.id)) {
      statuses.push({
        objectType: "level",
        objectId: level.id,
        status: levelStatus(level, state, tree.moduleRequiresTest),
      });
    }
  }
  statuses.push({ objectType: "program", objectId: program.id, status: programStatus(tree, state) });

  const existing = new Map(
    (
      await store.progressRows(
        tx,
        userId,
        statuses.map((s) => s.objectId),
      )
    ).map((r) => [`${r.objectType}:${r.objectId}`, r]),
  );
  const completed: Completed[] = [];
  for (const { objectType, objectId, status } of statuses) {
    const before = existing.get(`${objectType}:${objectId}`);
    const firstCompletion = status.complete && !before?.completedAt;
    const completedAt = before?.completedAt ?? (status.complete ? now : null);
    await store.upsertProgress(tx, {
      userId,
      objectType,
      objectId,
      percent: before?.completedAt ? 100 : status.percent,
      completedAt,
      lastActivityAt: now,
    });
    if (!firstCompletion) continue;
    const [row] = await store.insertStatements(tx, [
      {
        actorId: userId,
        verb: "completed",
        objectType,
        objectId,
        result: { completion: true },
        context: { extensions: { programId: program.id } },
        timestamp: now,
      },
    ]);
    if (!row) continue;
    completed.push({ objectType, objectId, statementId: row.id });
    const completedAtIso = now.toISOString();
    if (objectType === "module") {
      await ctx.jobs.send(
        moduleCompletedEvent,
        { userId, moduleId: objectId, statementId: row.id, completedAt: completedAtIso },
        { tx: tx as Tx },
      );
    } else if (objectType === "level") {
      await ctx.jobs.send(
        levelCompletedEvent,
        { userId, levelId: objectId, statementId: row.id, completedAt: completedAtIso },
        { tx: tx as Tx },
      );
    }
  }
  return completed;
}
