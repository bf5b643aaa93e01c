import { notFound } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import { continueLearning } from "../learning/service.js";
import { findLessonPath } from "../learning/store.js";
import { activePlans } from "./access.js";
import type {
  CatalogProgram,
  CatalogResponse,
  ContinueTarget,
  Download,
  Lock,
  ModuleDetail,
  Progress,
} from "./contract.js";
import { heldPlans } from "./memberships.js";
import { type LevelLock, levelLock } from "./plans.js";
import * as store from "./store.js";

const NO_PROGRESS: Progress = { percent: 0, completedAt: null, lastActivityAt: null };

export const presentProgress = (row: store.ProgressRow | undefined): Progress =>
  row
    ? {
        percent: row.percent,
        completedAt: row.completedAt?.toISOString() ?? null,
        lastActivityAt: row.lastActivityAt.toISOString(),
      }
    : NO_PROGRESS;

const presentLock = (lock: LevelLock): Lock =>
  lock.open
    ? { open: true, openedBy: [], message: null }
    : { open: false, openedBy: lock.openedBy, message: lock.message };

export const downloadUrl = (file: string) => `/downloads/${file.split("/").map(encodeURIComponent).join("/")}`;

/** Programs -> levels -> modules with the learner's progress and each level's lock. */
export async function listCatalog(ctx: AppContext, actor: Actor, programKey?: string): Promise<CatalogProgram[]> {
  const db = ctx.database.db;
  const programRows = await store.livePrograms(db, programKey);
  const programIds = programRows.map((p) => p.id);
  const [levelRows, moduleRows, held] = await Promise.all([
    store.liveLevels(db, programIds),
    store.liveModulesWithLessonCounts(db, programIds),
    activePlans(ctx, db, actor.userId),
  ]);
  const examRows = await store.liveExams(
    db,
    levelRows.map((l) => l.id),
  );
  const progress = await store.progressOf(db, actor.userId, [
    ...programIds,
    ...levelRows.map((l) => l.id),
    ...moduleRows.map((m) => m.id),
  ]);
  return programRows.map((program) => ({
    id: program.id,
    key: program.key,
    title: program.title,
    summary: program.summary,
    progress: presentProgress(progress.get(program.id)),
    levels: levelRows
      .filter((l) => l.programId === program.id)
      .map((level) => ({
        id: level.id,
        key: level.key,
        number: level.number,
        title: level.title,
        summary: level.summary,
        outcome: level.outcome,
        plans: level.plans,
        credential: level.credential,
        lock: presentLock(levelLock(level.plans, held, actor.isPlatformAdmin)),
        progress: presentProgress(progress.get(level.id)),
        modules: moduleRows
          .filter((m) => m.levelId === level.id)
          .map((m) => ({
            id: m.id,
            key: m.key,
            number: m.number,
            title: m.title,
            summary: m.summary,
            lessonCount: m.lessonCount,
            progress: presentProgress(progress.get(m.id)),
          })),
        exams: examRows
          .filter((e) => e.levelId === level.id)
          .map((e) => ({
            id: e.id,
            key: e.key,
            title: e.title,
            questionCount: e.questionCount,
            timeLimitMinutes: e.timeLimitMinutes,
            passPercent: e.passPercent,
          })),
      })),
  }));
}

/** The academy home: every program, the learner's plans and where to continue. */
export async function catalogHome(ctx: AppContext, actor: Actor): Promise<CatalogResponse> {
  const [programs, plans, next] = await Promise.all([
    listCatalog(ctx, actor),
    heldPlans(ctx, actor.userId),
    continueTarget(ctx, actor),
  ]);
  return { programs, plans, continue: next };
}

export async function programDetail(ctx: AppContext, actor: Actor, programKey: string): Promise<CatalogProgram> {
  const [program] = await listCatalog(ctx, actor, programKey);
  if (!program) throw notFound("Program");
  return program;
}

/** A module page: lessons with completion, workbooks, scenarios, the test with the learner's attempts, tools. */
export async function moduleDetail(ctx: AppContext, actor: Actor, moduleKey: string): Promise<ModuleDetail> {
  const db = ctx.database.db;
  const row = await store.moduleByKey(db, moduleKey);
  if (!row) throw notFound("Module");
  const { module: m, level, program } = row;
  const held = await activePlans(ctx, db, actor.userId);
  const { lessonRows, itemRows } = await store.liveLessonsWithItems(db, [m.id]);
  const progress = await store.progressOf(db, actor.userId, [m.id, ...lessonRows.map((l) => l.id)]);
  const test = await store.moduleTestOf(db, m.id);
  const stats = test ? await store.attemptStats(db, actor.userId, test.id) : null;
  const numberOf = new Map(lessonRows.map((l) => [l.id, l.number]));
  return {
    id: m.id,
    key: m.key,
    number: m.number,
    title: m.title,
    summary: m.summary,
    program,
    level: { key: level.key, number: level.number, title: level.title },
    lock: presentLock(levelLock(level.plans, held, actor.isPlatformAdmin)),
    progress: presentProgress(progress.get(m.id)),
    lessons: lessonRows.map((lesson) => ({
      id: lesson.id,
      key: lesson.key,
      number: lesson.number,
      title: lesson.title,
      description: lesson.description,
      topics: lesson.topics,
      kinds: [...new Set(itemRows.filter((i) => i.lessonId === lesson.id).map((i) => i.kind))],
      progress: presentProgress(progress.get(lesson.id)),
    })),
    workbooks: itemRows
      .filter((i) => i.kind === "workbook")
      .map(
        (i): Download => ({
          key: i.key,
          title: i.title,
          description: i.body,
          url: downloadUrl(String((i.data as { file?: string }).file ?? "")),
          lessonNumber: numberOf.get(i.lessonId) ?? null,
        }),
      ),
    scenarios: itemRows
      .filter((i) => i.kind === "scenario")
      .map((i) => ({ id: i.id, lessonId: i.lessonId, lessonNumber: numberOf.get(i.lessonId) ?? "", title: i.title })),
    test:
      test && stats
        ? {
            id: test.id,
            key: test.key,
            title: test.title,
            questionCount: test.questionCount,
            passPercent: test.passPercent,
            attempts: stats.attempts,
            bestScorePercent: stats.best,
            passed: stats.passed,
          }
        : null,
    tools: m.tools.map((t) => ({
      key: t.key,
      title: t.title,
      description: t.description ?? null,
      url: downloadUrl(t.file),
      lessonNumber: null,
    })),
  };
}

/**
 * "Continue where I left off", as the learning area decides it (the latest lesson not complete in an open
 * level, else the next one in course order), with the names the academy home shows.
 */
export async function continueTarget(ctx: AppContext, actor: Actor): Promise<ContinueTarget | null> {
  const { lesson } = await continueLearning(ctx, actor);
  if (!lesson) return null;
  const path = await findLessonPath(ctx.database.db, lesson.id);
  if (!path) return null;
  return {
    lesson: { id: lesson.id, key: path.lesson.key, number: lesson.number, title: lesson.title },
    module: { key: path.module.key, number: path.module.number, title: path.module.title },
    program: { key: path.program.key, title: path.program.title },
    percent: lesson.percent,
    reason: lesson.reason,
  };
}
