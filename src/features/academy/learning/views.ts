import { AppError } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { activePlans, assertLevelOpen } from "../catalog/access.js";
import { levelLock } from "../catalog/plans.js";
import {
  itemPercent,
  type LessonNode,
  lessonStatus,
  levelStatus,
  moduleStatus,
  type ProgramNode,
  programStatus,
  type Status,
} from "./completion-rules.js";
import type { Checklist, ContinueView, LessonItem, LessonView, ProgressView } from "./contract.js";
import { readItemState } from "./item-state.js";
import * as store from "./store.js";
import { learnerState, type ProgramContents, programNode } from "./tree.js";
import { isFullyWatched } from "./watched-segments.js";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function checklistOf(status: Status, row: store.ProgressRow | undefined): Checklist {
  const completedAt = row?.completedAt ?? null;
  return {
    percent: status.percent,
    complete: status.complete,
    completedAt: iso(completedAt),
    missing: status.missing,
    next: status.next,
  };
}

/** Levels the actor's plans do not open, with the message saying which plan opens each. */
async function lockedLevels(ctx: AppContext, db: Db, actor: Actor, c: ProgramContents): Promise<Map<string, string>> {
  const held = await activePlans(ctx, db, actor.userId);
  const locked = new Map<string, string>();
  for (const level of c.levels) {
    const lock = levelLock(level.plans, held, actor.isPlatformAdmin);
    if (!lock.open) locked.set(level.id, lock.message);
  }
  return locked;
}

async function programView(ctx: AppContext, db: Db, actor: Actor, programId: string) {
  const program = await store.findProgram(db, programId);
  if (!program) throw new AppError("not_found", "Program was not found.");
  const contents = await store.programContents(db, programId);
  const locked = await lockedLevels(ctx, db, actor, contents);
  const tree = programNode(program, contents, locked);
  const state = await learnerState(db, actor.userId, contents);
  return { program, contents, tree, state };
}

const allLessons = (tree: ProgramNode) => tree.levels.flatMap((l) => l.modules.flatMap((m) => m.lessons));

/** A lesson with its items (no correct answers), the learner's progress in it and its checklist. */
export async function getLesson(ctx: AppContext, actor: Actor, lessonId: string): Promise<LessonView> {
  const db = ctx.database.db;
  const path = await store.findLessonPath(db, lessonId);
  if (!path) throw new AppError("not_found", "Lesson was not found.");
  await assertLevelOpen(ctx, actor, path.level.id, db);
  const { tree, contents, state } = await programView(ctx, db, actor, path.program.id);
  const level = tree.levels.find((l) => l.id === path.level.id);
  const inLevel = level ? level.modules.flatMap((m) => m.lessons) : [];
  const index = inLevel.findIndex((l) => l.id === lessonId);
  const node = inLevel[index] as LessonNode;
  const itemRows = contents.items.filter((i) => i.lessonId === lessonId);
  const questionRows = await store.questionsOfItems(
    db,
    itemRows.map((i) => i.id),
  );
  const progressRows = await store.itemProgressOf(
    db,
    actor.userId,
    itemRows.map((i) => i.id),
  );
  const [lessonRow] = await store.progressRows(db, actor.userId, [lessonId]);
  const byItem = new Map(progressRows.map((r) => [r.itemId, r]));
  const text = (v: unknown) => (typeof v === "string" ? v : null);

  const items: LessonItem[] = itemRows.map((i) => ({
    id: i.id,
    kind: i.kind,
    title: i.title,
    body: i.kind === "video" ? text(i.data.transcript) : i.body,
    video:
      i.kind === "video"
        ? { src: `/media/${String(i.data.src)}`, durationSeconds: Number(i.data.durationSeconds) || 0 }
        : null,
    download:
      i.kind === "workbook" && typeof i.data.file === "string"
        ? { href: `/downloads/${i.data.file}`, fileName: i.data.file.split("/").pop() ?? i.data.file }
        : null,
    guidance: i.kind === "scenario" ? text(i.data.guidance) : null,
    questions: questionRows
      .filter((q) => q.itemId === i.id)
      .map((q) => ({ id: q.id, prompt: q.prompt, choices: q.choices, correctCount: q.correct.length })),
  }));

  const progress = (node?.items ?? []).map((item) => {
    const row = byItem.get(item.id);
    const s = readItemState(row?.state, item.durationSeconds || undefined);
    const percent = itemPercent(item, state);
    return {
      itemId: item.id,
      percent,
      complete: item.kind === "video" ? isFullyWatched(s.segments ?? [], item.durationSeconds ?? 0) : percent >= 100,
      position: s.position ?? 0,
      watched: (s.segments ?? []).map(([a, b]) => [a, b] as [number, number]),
      correct: s.correct ?? [],
      tries: s.tries ?? {},
      opened: s.opened ?? false,
    };
  });

  return {
    id: path.lesson.id,
    number: path.lesson.number,
    title: path.lesson.title,
    description: path.lesson.description,
    topics: path.lesson.topics,
    program: { id: path.program.id, title: path.program.title, key: path.program.key },
    level: { id: path.level.id, title: path.level.title, number: path.level.number },
    module: { id: path.module.id, title: path.module.title, number: path.module.number, key: path.module.key },
    previousLessonId: index > 0 ? (inLevel[index - 1]?.id ?? null) : null,
    nextLessonId: index >= 0 ? (inLevel[index + 1]?.id ?? null) : null,
    items,
    progress,
    checklist: checklistOf(node ? lessonStatus(node, state) : emptyStatus(path.lesson.title), lessonRow),
  };
}

const emptyStatus = (title: string): Status => ({
  percent: 0,
  complete: false,
  missing: [{ kind: "empty", title }],
  next: null,
});

const child = (id: string, title: string, st: Status, locked = false) => ({
  id,
  title,
  percent: st.percent,
  complete: st.complete,
  locked,
});

async function view(
  db: Db,
  userId: string,
  objectType: ProgressView["objectType"],
  id: string,
  title: string,
  status: Status,
  children: ProgressView["children"],
): Promise<ProgressView> {
  const [row] = await store.progressRows(db, userId, [id]);
  return {
    objectType,
    id,
    title,
    checklist: checklistOf(status, row?.objectType === objectType ? row : undefined),
    lastActivityAt: iso(row?.lastActivityAt),
    children,
  };
}

export async function moduleProgress(ctx: AppContext, actor: Actor, moduleId: string): Promise<ProgressView> {
  const db = ctx.database.db;
  const path = await store.findModulePath(db, moduleId);
  if (!path) throw new AppError("not_found", "Module was not found.");
  await assertLevelOpen(ctx, actor, path.level.id, db);
  const { tree, state } = await programView(ctx, db, actor, path.program.id);
  const module = tree.levels.flatMap((l) => l.modules).find((m) => m.id === moduleId);
  if (!module) throw new AppError("not_found", "Module was not found.");
  return view(
    db,
    actor.userId,
    "module",
    moduleId,
    module.title,
    moduleStatus(module, state, tree.moduleRequiresTest),
    module.lessons.map((l) => child(l.id, `${l.number} ${l.title}`, lessonStatus(l, state))),
  );
}

export async function levelProgress(ctx: AppContext, actor: Actor, levelId: string): Promise<ProgressView> {
  const db = ctx.database.db;
  const path = await store.findLevelPath(db, levelId);
  if (!path) throw new AppError("not_found", "Level was not found.");
  await assertLevelOpen(ctx, actor, levelId, db);
  const { tree, state } = await programView(ctx, db, actor, path.program.id);
  const level = tree.levels.find((l) => l.id === levelId);
  if (!level) throw new AppError("not_found", "Level was not found.");
  return view(
    db,
    actor.userId,
    "level",
    levelId,
    level.title,
    levelStatus(level, state, tree.moduleRequiresTest),
    level.modules.map((m) => child(m.id, m.title, moduleStatus(m, state, tree.moduleRequiresTest))),
  );
}

/** A whole program: levels the learner's plan does not open are listed as locked, their contents not shown. */
export async function programProgress(ctx: AppContext, actor: Actor, programId: string): Promise<ProgressView> {
  const db = ctx.database.db;
  const { tree, state, program } = await programView(ctx, db, actor, programId);
  return view(
    db,
    actor.userId,
    "program",
    programId,
    program.title,
    programStatus(tree, state),
    tree.levels.map((l) =>
      child(l.id, l.title, levelStatus(l, state, tree.moduleRequiresTest), l.lockedMessage !== undefined),
    ),
  );
}

/**
 * "Continue where I left off": the lesson with the latest activity that is not complete (in a level the
 * learner may open), else the first lesson not complete in course order of the program last worked in
 * (or the first program).
 */
export async function continueLearning(ctx: AppContext, actor: Actor, programId?: string): Promise<ContinueView> {
  const db = ctx.database.db;
  const plans = await activePlans(ctx, db, actor.userId);
  const open = (levelPlans: string[]) => levelLock(levelPlans, plans, actor.isPlatformAdmin).open;
  for (const recent of await store.recentLessons(db, actor.userId)) {
    if (recent.completedAt) break;
    const path = await store.findLessonPath(db, recent.lessonId);
    if (!path || !open(path.level.plans) || (programId && path.program.id !== programId)) continue;
    const { tree, state } = await programView(ctx, db, actor, path.program.id);
    const node = allLessons(tree).find((l) => l.id === recent.lessonId);
    if (!node) continue;
    const st = lessonStatus(node, state);
    if (st.complete) continue;
    return { lesson: { ...lessonRef(tree, node, path.program.id), percent: st.percent, reason: "resume" } };
  }
  const chosen = programId ?? (await store.lastActiveProgramId(db, actor.userId)) ?? (await store.firstProgram(db))?.id;
  if (!chosen) return { lesson: null };
  const { tree, state } = await programView(ctx, db, actor, chosen);
  for (const level of tree.levels) {
    if (level.lockedMessage !== undefined) continue;
    for (const module of level.modules) {
      for (const lesson of module.lessons) {
        const st = lessonStatus(lesson, state);
        if (!st.complete)
          return { lesson: { ...lessonRef(tree, lesson, chosen), percent: st.percent, reason: "next" } };
      }
    }
  }
  return { lesson: null };
}

function lessonRef(tree: ProgramNode, lesson: LessonNode, programId: string) {
  for (const level of tree.levels) {
    for (const module of level.modules) {
      if (module.lessons.some((l) => l.id === lesson.id)) {
        return {
          id: lesson.id,
          number: lesson.number,
          title: lesson.title,
          moduleId: module.id,
          moduleTitle: module.title,
          levelId: level.id,
          programId,
        };
      }
    }
  }
  throw new AppError("not_found", "Lesson was not found.");
}
