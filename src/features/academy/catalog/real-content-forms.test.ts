import { describe, expect, it } from "vitest";
import { drawQuestions, EXAM_FORMS, examParts, seededRandom } from "../assessments/draw-questions.js";
import { loadPrograms } from "./content-sync.js";
import { bankKeysOf, examPoolsOf } from "./exam-integrity.js";

const CONTENT = new URL("../../../../content", import.meta.url).pathname;

/**
 * Seed 002 on the shipped content: five successive attempts of every exam (CCSMP Exam A and Exam B, each
 * Pulse+ final) share no question, drawing as the server does (unseen first) from the exam's own pool.
 */
describe("the shipped exams give five disjoint forms", () => {
  // Loaded as the server loads it (exam-integrity problems aside), so each exam fails on its own below.
  const programs = loadPrograms(CONTENT, { onExamIntegrity: () => {} });
  const exams = programs.flatMap((p) => p.levels.flatMap((l) => l.exams.map((exam) => ({ program: p, exam }))));
  it.each(exams.map((e) => [e.exam.key, e] as const))("%s", (_key, { program, exam }) => {
    expect(exam.pool.length, `${exam.key} draws from its own pool`).toBeGreaterThan(0);
    const pools = examPoolsOf(exam, bankKeysOf(program));
    const parts = examParts(exam.questionCount, exam.blueprint);
    const seen = new Map<string, number>();
    for (let n = 1; n <= EXAM_FORMS; n++) {
      const drawn = drawQuestions(pools, parts, seen, seededRandom(n));
      expect(
        drawn.filter((key) => seen.has(key)),
        `attempt ${n} repeats`,
      ).toEqual([]);
      for (const key of drawn) seen.set(key, n);
    }
    expect(seen.size).toBe(EXAM_FORMS * exam.questionCount);
  });
});
