import { EXAM_FORMS, examParts, groupExamPool } from "../assessments/draw-questions.js";

/** The parts of a loaded program the exam rules read (structural, so the loader can import this file). */
type PoolQuestion = { key: string; module?: string | undefined };
type ExamShape = { key: string; questionCount: number; blueprint?: Record<string, number>; pool: PoolQuestion[] };
type ProgramShape = { levels: { modules: { key: string; bank: { key: string }[] }[]; exams: ExamShape[] }[] };
type Problem = { file: string; path: string; message: string };

/** Module key -> the keys of its bank's questions. */
export const bankKeysOf = (program: ProgramShape) =>
  new Map(program.levels.flatMap((l) => l.modules.map((m) => [m.key, m.bank.map((q) => q.key)] as const)));

/**
 * What each of an exam's draw parts draws from, by question key, as the database groups ids: its own pool
 * by module tag; an exam with a blueprint and no pool of its own (refused below) the module banks.
 */
export function examPoolsOf(exam: ExamShape, banks: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  if (exam.pool.length === 0 && exam.blueprint) {
    return new Map(Object.keys(exam.blueprint).map((key) => [key, [...(banks.get(key) ?? [])]] as const));
  }
  const tagged = exam.pool.map((q) => ({ id: q.key, module: q.module ?? null }));
  return groupExamPool(tagged, exam.blueprint !== undefined);
}

export const describePart = (exam: ExamShape, source: string) =>
  source === "pool"
    ? "the pool"
    : exam.pool.length === 0
      ? `module bank ${source}`
      : `the pool's questions of module ${source}`;

/**
 * Exam integrity (ISO/IEC 17024 practice): an exam's items live in its own pool, never in a module bank
 * (module tests show their keys in reviews, with immediate retakes), and every draw part of the exam holds
 * EXAM_FORMS disjoint forms (per blueprint module: EXAM_FORMS x its count of tagged questions; without a
 * blueprint: EXAM_FORMS x the question count), so five successive attempts share no question.
 */
export function examIntegrityProblems(program: ProgramShape, file: string): Problem[] {
  const problems: Problem[] = [];
  const banks = bankKeysOf(program);
  program.levels.forEach((level, li) => {
    level.exams.forEach((exam, ei) => {
      const at = `levels.${li}.exams.${ei}`;
      if (exam.pool.length === 0 && exam.blueprint) {
        const message = `${exam.key} draws from module banks, whose questions module test reviews show with their answers: give it an exam-only questionPool tagged by module`;
        problems.push({ file, path: `${at}.questionPool`, message });
        return;
      }
      const pools = examPoolsOf(exam, banks);
      for (const part of examParts(exam.questionCount, exam.blueprint)) {
        const size = pools.get(part.source)?.length ?? 0;
        const needed = EXAM_FORMS * part.count;
        if (size >= needed) continue;
        const path = part.source === "pool" ? `${at}.questionPool` : `${at}.questionPool.${part.source}`;
        const message = `${exam.key}: ${describePart(exam, part.source)} holds ${size} questions; ${EXAM_FORMS} disjoint forms of ${part.count} need ${needed}`;
        problems.push({ file, path, message });
      }
    });
  });
  return problems;
}
