import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type LearnerState,
  type LessonNode,
  type LevelNode,
  lessonStatus,
  levelStatus,
  type ModuleNode,
  moduleStatus,
  type ProgramNode,
  programStatus,
} from "./completion-rules.js";
import type { Segment } from "./watched-segments.js";

type Done = {
  segments?: Record<string, Segment[]>;
  correct?: Record<string, string[]>;
  opened?: string[];
  passed?: string[];
  best?: Record<string, number>;
};
function learner(d: Done = {}): LearnerState {
  return {
    segments: (id) => d.segments?.[id] ?? [],
    correct: (id) => new Set(d.correct?.[id] ?? []),
    opened: (id) => d.opened?.includes(id) ?? false,
    passed: (id) => d.passed?.includes(id) ?? false,
    bestPercent: (id) => d.best?.[id] ?? null,
  };
}

const lesson1: LessonNode = {
  id: "l1",
  number: "1.1",
  title: "Lesson 1.1",
  items: [
    { id: "v1", kind: "video", title: "Intro", durationSeconds: 120 },
    { id: "r1", kind: "reading", title: "Notes" },
    { id: "k1", kind: "knowledge_check", title: "Check", questionIds: ["q1", "q2"] },
  ],
};
const lesson2: LessonNode = {
  id: "l2",
  number: "1.2",
  title: "Lesson 1.2",
  items: [
    { id: "r2", kind: "reading", title: "Reading" },
    { id: "w2", kind: "workbook", title: "Workbook" },
  ],
};
const module1: ModuleNode = {
  id: "m1",
  number: 1,
  title: "Module 1",
  lessons: [lesson1, lesson2],
  test: { id: "t1", title: "Module 1 test", passPercent: 70 },
};
const level1: LevelNode = { id: "lv1", number: 1, title: "Level 1", modules: [module1], exams: [] };
const lessonsDone: Done = {
  segments: { v1: [[0, 119.5]] },
  correct: { k1: ["q1", "q2"] },
  opened: ["r2", "w2"],
};

describe("lesson", () => {
  it("lists each unwatched video with its percent and each knowledge check still wrong, next = first of them", () => {
    const st = lessonStatus(lesson1, learner({ segments: { v1: [[0, 60]] }, correct: { k1: ["q2"] } }));
    expect(st.complete).toBe(false);
    expect(st.missing).toEqual([
      { kind: "video", lessonId: "l1", lessonTitle: "Lesson 1.1", itemId: "v1", title: "Intro", watchedPercent: 50 },
      {
        kind: "knowledge_check",
        lessonId: "l1",
        lessonTitle: "Lesson 1.1",
        itemId: "k1",
        title: "Check",
        remaining: 1,
        total: 2,
      },
    ]);
    expect(st.percent).toBe(50);
    expect(st.next).toEqual({ type: "lesson", lessonId: "l1", itemId: "v1" });
  });

  it("is complete with the video watched to within a second and every question right; readings do not block", () => {
    const st = lessonStatus(lesson1, learner({ segments: { v1: [[0, 119.2]] }, correct: { k1: ["q1", "q2"] } }));
    expect(st).toEqual({ percent: 100, complete: true, missing: [], next: null });
  });

  it("a lesson without video or knowledge check needs each item opened", () => {
    expect(lessonStatus(lesson2, learner({ opened: ["r2"] })).missing).toEqual([
      { kind: "reading", lessonId: "l2", lessonTitle: "Lesson 1.2", itemId: "w2", title: "Workbook" },
    ]);
    expect(lessonStatus(lesson2, learner({ opened: ["r2", "w2"] })).complete).toBe(true);
  });

  it("a lesson without items is never complete", () => {
    const st = lessonStatus({ ...lesson2, items: [] }, learner());
    expect(st.complete).toBe(false);
    expect(st.missing).toEqual([{ kind: "empty", title: "Lesson 1.2" }]);
  });
});

describe("module, level, program", () => {
  it("a module needs its test passed when the program requires it", () => {
    const st = moduleStatus(module1, learner({ ...lessonsDone, best: { t1: 40 } }), true);
    expect(st.complete).toBe(false);
    expect(st.missing).toEqual([
      {
        kind: "module_test",
        moduleId: "m1",
        assessmentId: "t1",
        title: "Module 1 test",
        bestPercent: 40,
        passPercent: 70,
      },
    ]);
    expect(st.next).toEqual({ type: "assessment", assessmentId: "t1" });
    expect(moduleStatus(module1, learner(lessonsDone), false).complete).toBe(true);
    expect(moduleStatus(module1, learner({ ...lessonsDone, passed: ["t1"] }), true).complete).toBe(true);
  });

  it("a level needs every module and every exam; one with neither is never complete", () => {
    const withExam: LevelNode = { ...level1, exams: [{ id: "e1", title: "Exam A", passPercent: 75 }] };
    const done = learner({ ...lessonsDone, passed: ["t1"] });
    expect(levelStatus(level1, done, true).complete).toBe(true);
    expect(levelStatus(withExam, done, true).missing).toEqual([
      { kind: "exam", levelId: "lv1", assessmentId: "e1", title: "Exam A", bestPercent: null, passPercent: 75 },
    ]);
    expect(levelStatus(withExam, learner({ ...lessonsDone, passed: ["t1", "e1"] }), true).complete).toBe(true);
    const empty = levelStatus({ ...level1, modules: [] }, done, true);
    expect(empty.complete).toBe(false);
    expect(empty.percent).toBe(0);
  });

  it("a locked level says so and is not complete; the program needs every level", () => {
    const program: ProgramNode = {
      id: "p",
      title: "P",
      moduleRequiresTest: true,
      levels: [
        level1,
        { id: "lv2", number: 2, title: "Level 2", modules: [], exams: [], lockedMessage: "Scholar opens it" },
      ],
    };
    const st = programStatus(program, learner({ ...lessonsDone, passed: ["t1"] }));
    expect(st.complete).toBe(false);
    expect(st.percent).toBe(50);
    expect(st.missing).toEqual([
      { kind: "locked_level", levelId: "lv2", title: "Level 2", message: "Scholar opens it" },
    ]);
    expect(st.next).toEqual({ type: "level", levelId: "lv2" });
    expect(programStatus({ ...program, levels: [level1] }, learner({ ...lessonsDone, passed: ["t1"] })).complete).toBe(
      true,
    );
  });

  it("doing more never lowers a percent, and complete means 100 with nothing missing", () => {
    const actions = fc.subarray(["v1-half", "v1", "q1", "q2", "r2", "w2", "t1"]);
    const build = (a: string[]): Done => ({
      segments: { v1: a.includes("v1") ? [[0, 120]] : a.includes("v1-half") ? [[0, 60]] : [] },
      correct: { k1: a.filter((x) => x.startsWith("q")) },
      opened: a.filter((x) => x === "r2" || x === "w2"),
      passed: a.includes("t1") ? ["t1"] : [],
    });
    fc.assert(
      fc.property(actions, actions, (a, b) => {
        const small = moduleStatus(module1, learner(build(a)), true);
        const big = moduleStatus(module1, learner(build([...new Set([...a, ...b])])), true);
        expect(big.percent).toBeGreaterThanOrEqual(small.percent);
        expect(big.missing.length).toBeLessThanOrEqual(small.missing.length);
        expect(small.complete).toBe(small.missing.length === 0);
        if (small.complete) expect(small.percent).toBe(100);
        else expect(small.percent).toBeLessThan(100);
      }),
    );
  });
});
