import type { AssessmentSummary, AttemptSummary, AttemptView, ModuleScore } from "../contract.js";
import { type Grade, scoreByGroup } from "../grading.js";
import type { AssessmentRow, AttemptRow, QuestionRow } from "../store.js";

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentAssessment = (a: AssessmentRow): AssessmentSummary => ({
  id: a.id,
  key: a.key,
  kind: a.kind,
  title: a.title,
  description: a.description,
  programId: a.programId,
  programKey: a.programKey,
  programTitle: a.programTitle,
  levelId: a.levelId,
  moduleId: a.moduleId,
  moduleKey: a.moduleKey,
  parentTitle: a.parentTitle,
  questionCount: a.questionCount,
  passPercent: a.passPercent,
  timeLimitMinutes: a.timeLimitMinutes,
  retakePolicy: a.retakePolicy,
});

export const presentAttemptSummary = (r: AttemptRow): AttemptSummary => ({
  id: r.id,
  number: r.number,
  startedAt: r.startedAt.toISOString(),
  deadlineAt: iso(r.deadlineAt),
  submittedAt: iso(r.submittedAt),
  submittedBy: (r.submittedBy as AttemptSummary["submittedBy"]) ?? null,
  questionCount: r.questionIds.length,
  correctCount: r.correctCount,
  scorePercent: r.scorePercent,
  passed: r.passed,
});

export const remainingSeconds = (deadlineAt: Date | null, now: Date) =>
  deadlineAt ? Math.max(0, Math.floor((deadlineAt.getTime() - now.getTime()) / 1000)) : null;

export type ModuleNames = ReadonlyMap<string, { key: string; title: string }>;

/**
 * An exam's score per module: each question counts for its exam-pool module tag, or (drawn from a module
 * bank before exams had pools of their own) its bank's module; ordered as the modules are.
 */
function moduleScores(ordered: QuestionRow[], grade: Grade, modules: ModuleNames): ModuleScore[] {
  const moduleOf = (q: QuestionRow) => q.examModuleId ?? q.moduleId;
  const scores = scoreByGroup(
    ordered.map((q) => ({ id: q.id, group: moduleOf(q) })),
    grade.perQuestion,
  ).map(({ group, ...score }) => ({
    moduleKey: group ? (modules.get(group)?.key ?? null) : null,
    moduleTitle: group ? (modules.get(group)?.title ?? null) : null,
    ...score,
  }));
  return scores.sort((a, b) => (a.moduleKey ?? "~").localeCompare(b.moduleKey ?? "~"));
}

/**
 * The attempt as its candidate sees it. Correct keys and explanations are added only when `grade` is
 * given, which the caller does only for a submitted module test. A submitted exam shows its score, overall
 * and per module, and nothing of its questions: exam items are never reviewed, passed or failed.
 */
export function presentAttempt(
  attempt: AttemptRow,
  assessment: AssessmentRow,
  questionRows: QuestionRow[],
  now: Date,
  grade: Grade | null,
  modules: ModuleNames,
): AttemptView {
  const byId = new Map(questionRows.map((q) => [q.id, q]));
  const ordered = attempt.questionIds.map((id) => byId.get(id)).filter((q): q is QuestionRow => q !== undefined);
  const submitted = attempt.submittedAt !== null;
  const exam = assessment.kind === "exam";
  const hideItems = submitted && exam;
  return {
    id: attempt.id,
    number: attempt.number,
    assessment: presentAssessment(assessment),
    status: submitted ? "submitted" : "open",
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: iso(attempt.deadlineAt),
    serverNow: now.toISOString(),
    remainingSeconds: submitted ? null : remainingSeconds(attempt.deadlineAt, now),
    questions: hideItems
      ? []
      : ordered.map((q) => ({
          id: q.id,
          prompt: q.prompt,
          choices: q.choices.map((c) => ({ key: c.key, text: c.text })),
          multiple: q.correct.length > 1,
          scenario: q.scenario,
        })),
    answers: hideItems ? {} : attempt.answers,
    result:
      submitted && grade && attempt.submittedAt
        ? {
            submittedAt: attempt.submittedAt.toISOString(),
            submittedBy: (attempt.submittedBy ?? "learner") as "learner" | "deadline",
            correctCount: attempt.correctCount ?? grade.correctCount,
            total: grade.total,
            scorePercent: attempt.scorePercent ?? grade.scorePercent,
            passed: attempt.passed ?? grade.passed,
            review: exam
              ? []
              : ordered.map((q) => ({
                  questionId: q.id,
                  correct: [...q.correct],
                  answeredCorrectly: grade.perQuestion[q.id] ?? false,
                  explanation: q.explanation,
                })),
            byModule: exam ? moduleScores(ordered, grade, modules) : [],
          }
        : null,
  };
}
