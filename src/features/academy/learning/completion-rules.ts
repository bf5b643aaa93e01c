import { isFullyWatched, type Segment, watchedPercent } from "./watched-segments.js";

/**
 * Completion as the seeds state it, pure and shared by every progress read and write:
 * - a lesson is complete when every video is fully watched (within a second) and every knowledge-check
 *   question has been answered correctly once. Readings, workbooks and scenario exercises do not block a
 *   lesson that has a video or a knowledge check; a lesson with neither (a reading-only lesson) is
 *   complete once each of its items has been opened (a workbook: downloaded). A lesson without items never is.
 * - a module when all its lessons are complete and, when the program requires it, its test is passed;
 * - a level when all its modules are complete and all its exams are passed (one with neither never is);
 * - a program when all its levels are.
 * Percentages are the mean of the parts (each lesson, test or exam weighs the same).
 */

export type ItemNode = {
  id: string;
  kind: "video" | "reading" | "workbook" | "scenario" | "knowledge_check";
  title: string;
  durationSeconds?: number;
  questionIds?: string[];
};
export type LessonNode = { id: string; number: string; title: string; items: ItemNode[] };
export type AssessmentNode = { id: string; title: string; passPercent: number };
export type ModuleNode = {
  id: string;
  number: number;
  title: string;
  lessons: LessonNode[];
  test: AssessmentNode | null;
};
export type LevelNode = {
  id: string;
  number: number;
  title: string;
  modules: ModuleNode[];
  exams: AssessmentNode[];
  /** Set when the learner's plan does not open the level: its contents are not listed. */
  lockedMessage?: string;
};
export type ProgramNode = { id: string; title: string; moduleRequiresTest: boolean; levels: LevelNode[] };

/** What a learner has done, read from item progress and attempts. */
export type LearnerState = {
  segments: (itemId: string) => readonly Segment[];
  correct: (itemId: string) => ReadonlySet<string>;
  opened: (itemId: string) => boolean;
  passed: (assessmentId: string) => boolean;
  bestPercent: (assessmentId: string) => number | null;
};

/** Where the learner goes to do the next missing thing. */
export type Target =
  | { type: "lesson"; lessonId: string; itemId: string | null }
  | { type: "assessment"; assessmentId: string }
  | { type: "level"; levelId: string };

export type Missing =
  | { kind: "video"; lessonId: string; lessonTitle: string; itemId: string; title: string; watchedPercent: number }
  | {
      kind: "knowledge_check";
      lessonId: string;
      lessonTitle: string;
      itemId: string;
      title: string;
      remaining: number;
      total: number;
    }
  | { kind: "reading"; lessonId: string; lessonTitle: string; itemId: string; title: string }
  | {
      kind: "module_test";
      moduleId: string;
      assessmentId: string;
      title: string;
      bestPercent: number | null;
      passPercent: number;
    }
  | {
      kind: "exam";
      levelId: string;
      assessmentId: string;
      title: string;
      bestPercent: number | null;
      passPercent: number;
    }
  | { kind: "locked_level"; levelId: string; title: string; message: string }
  | { kind: "empty"; title: string };

export type Status = { percent: number; complete: boolean; missing: Missing[]; next: Target | null };

const mean = (values: number[]) =>
  values.length === 0 ? 0 : Math.floor(values.reduce((a, b) => a + b, 0) / values.length);

function targetOf(m: Missing): Target | null {
  switch (m.kind) {
    case "video":
    case "knowledge_check":
    case "reading":
      return { type: "lesson", lessonId: m.lessonId, itemId: m.itemId };
    case "module_test":
    case "exam":
      return { type: "assessment", assessmentId: m.assessmentId };
    case "locked_level":
      return { type: "level", levelId: m.levelId };
    case "empty":
      return null;
  }
}

function status(percents: number[], missing: Missing[], hasParts: boolean, title: string): Status {
  const complete = hasParts && missing.length === 0;
  const all = complete || hasParts ? missing : [{ kind: "empty" as const, title }];
  const firstDoable = all.find((m) => m.kind !== "locked_level" && m.kind !== "empty") ?? all[0];
  return {
    percent: complete ? 100 : Math.min(99, mean(percents)),
    complete,
    missing: all,
    next: firstDoable ? targetOf(firstDoable) : null,
  };
}

/** An item's own percent: watched share, share of questions right, 100 once opened. */
export function itemPercent(item: ItemNode, s: LearnerState): number {
  if (item.kind === "video") return watchedPercent(s.segments(item.id), item.durationSeconds ?? 0);
  if (item.kind === "knowledge_check") {
    const questions = item.questionIds ?? [];
    if (questions.length === 0) return 100;
    const right = s.correct(item.id);
    return Math.floor((100 * questions.filter((q) => right.has(q)).length) / questions.length);
  }
  return s.opened(item.id) ? 100 : 0;
}

/** Whether the item blocks its lesson (see the rules above). */
export function blocks(item: ItemNode, lesson: LessonNode): boolean {
  if (item.kind === "video" || item.kind === "knowledge_check") return true;
  return !lesson.items.some((i) => i.kind === "video" || i.kind === "knowledge_check");
}

export function lessonStatus(lesson: LessonNode, s: LearnerState): Status {
  const missing: Missing[] = [];
  const percents: number[] = [];
  for (const item of lesson.items) {
    if (!blocks(item, lesson)) continue;
    const percent = itemPercent(item, s);
    percents.push(percent);
    const base = { lessonId: lesson.id, lessonTitle: lesson.title, itemId: item.id, title: item.title };
    if (item.kind === "video") {
      if (!isFullyWatched(s.segments(item.id), item.durationSeconds ?? 0)) {
        missing.push({ kind: "video", ...base, watchedPercent: percent });
      }
    } else if (item.kind === "knowledge_check") {
      const questions = item.questionIds ?? [];
      const right = s.correct(item.id);
      const remaining = questions.filter((q) => !right.has(q)).length;
      if (remaining > 0) missing.push({ kind: "knowledge_check", ...base, remaining, total: questions.length });
    } else if (percent < 100) missing.push({ kind: "reading", ...base });
  }
  return status(percents, missing, percents.length > 0, lesson.title);
}

export function moduleStatus(module: ModuleNode, s: LearnerState, requiresTest: boolean): Status {
  const missing: Missing[] = [];
  const percents: number[] = [];
  for (const lesson of module.lessons) {
    const st = lessonStatus(lesson, s);
    percents.push(st.percent);
    missing.push(...st.missing);
  }
  if (requiresTest && module.test) {
    const passed = s.passed(module.test.id);
    percents.push(passed ? 100 : 0);
    if (!passed) {
      missing.push({
        kind: "module_test",
        moduleId: module.id,
        assessmentId: module.test.id,
        title: module.test.title,
        bestPercent: s.bestPercent(module.test.id),
        passPercent: module.test.passPercent,
      });
    }
  }
  return status(percents, missing, percents.length > 0, module.title);
}

export function levelStatus(level: LevelNode, s: LearnerState, requiresTest: boolean): Status {
  if (level.lockedMessage !== undefined) {
    return status(
      [0],
      [{ kind: "locked_level", levelId: level.id, title: level.title, message: level.lockedMessage }],
      true,
      level.title,
    );
  }
  const missing: Missing[] = [];
  const percents: number[] = [];
  for (const module of level.modules) {
    const st = moduleStatus(module, s, requiresTest);
    percents.push(st.percent);
    missing.push(...st.missing);
  }
  for (const exam of level.exams) {
    const passed = s.passed(exam.id);
    percents.push(passed ? 100 : 0);
    if (!passed) {
      missing.push({
        kind: "exam",
        levelId: level.id,
        assessmentId: exam.id,
        title: exam.title,
        bestPercent: s.bestPercent(exam.id),
        passPercent: exam.passPercent,
      });
    }
  }
  return status(percents, missing, percents.length > 0, level.title);
}

export function programStatus(program: ProgramNode, s: LearnerState): Status {
  const missing: Missing[] = [];
  const percents: number[] = [];
  for (const level of program.levels) {
    const st = levelStatus(level, s, program.moduleRequiresTest);
    percents.push(st.percent);
    missing.push(...st.missing);
  }
  return status(percents, missing, percents.length > 0, program.title);
}
