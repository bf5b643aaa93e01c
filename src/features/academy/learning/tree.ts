import type { Db } from "../../../platform/db/database.js";
import type { LearnerState, LevelNode, ProgramNode } from "./completion-rules.js";
import { readItemState } from "./item-state.js";
import * as store from "./store.js";

export type ProgramContents = Awaited<ReturnType<typeof store.programContents>>;

const durationOf = (data: Record<string, unknown>) =>
  typeof data.durationSeconds === "number" ? data.durationSeconds : 0;

/** The program as the completion rules see it; `lockedMessages` marks levels the learner's plan does not open. */
export function programNode(
  program: { id: string; title: string; moduleRequiresTest: boolean },
  c: ProgramContents,
  lockedMessages: ReadonlyMap<string, string> = new Map(),
): ProgramNode {
  const questionsByItem = new Map<string, string[]>();
  for (const q of c.questions) {
    if (!q.itemId) continue;
    questionsByItem.set(q.itemId, [...(questionsByItem.get(q.itemId) ?? []), q.id]);
  }
  const levels: LevelNode[] = c.levels.map((level) => ({
    id: level.id,
    number: level.number,
    title: level.title,
    lockedMessage: lockedMessages.get(level.id),
    exams: c.assessments
      .filter((a) => a.kind === "exam" && a.levelId === level.id)
      .map((a) => ({ id: a.id, title: a.title, passPercent: a.passPercent })),
    modules: c.modules
      .filter((m) => m.levelId === level.id)
      .map((m) => {
        const test = c.assessments.find((a) => a.kind === "module_test" && a.moduleId === m.id);
        return {
          id: m.id,
          number: m.number,
          title: m.title,
          test: test ? { id: test.id, title: test.title, passPercent: test.passPercent } : null,
          lessons: c.lessons
            .filter((l) => l.moduleId === m.id)
            .map((l) => ({
              id: l.id,
              number: l.number,
              title: l.title,
              items: c.items
                .filter((i) => i.lessonId === l.id)
                .map((i) => ({
                  id: i.id,
                  kind: i.kind,
                  title: i.title,
                  durationSeconds: i.kind === "video" ? durationOf(i.data) : undefined,
                  questionIds: i.kind === "knowledge_check" ? (questionsByItem.get(i.id) ?? []) : undefined,
                })),
            })),
        };
      }),
  }));
  return { id: program.id, title: program.title, moduleRequiresTest: program.moduleRequiresTest, levels };
}

/** What the learner has done in the program: item progress and submitted attempts. */
export async function learnerState(db: Db, userId: string, c: ProgramContents): Promise<LearnerState> {
  const [rows, results] = await Promise.all([
    store.itemProgressOf(
      db,
      userId,
      c.items.map((i) => i.id),
    ),
    store.assessmentResults(
      db,
      userId,
      c.assessments.map((a) => a.id),
    ),
  ]);
  const durations = new Map(c.items.map((i) => [i.id, durationOf(i.data)]));
  const states = new Map(rows.map((r) => [r.itemId, readItemState(r.state, durations.get(r.itemId) || undefined)]));
  const byAssessment = new Map(results.map((r) => [r.assessmentId, r]));
  return {
    segments: (id) => states.get(id)?.segments ?? [],
    correct: (id) => new Set(states.get(id)?.correct ?? []),
    opened: (id) => states.get(id)?.opened ?? false,
    passed: (id) => Boolean(byAssessment.get(id)?.passed),
    bestPercent: (id) => {
      const best = byAssessment.get(id)?.best;
      return best === null || best === undefined ? null : Number(best);
    },
  };
}
