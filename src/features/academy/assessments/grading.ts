/** What grading needs of a question: its id and its correct choice keys. */
export type GradableQuestion = { id: string; correct: readonly string[] };
export type Answers = Readonly<Record<string, readonly string[]>>;

export type Grade = {
  correctCount: number;
  total: number;
  /** Rounded down, so a shown 74% never passes a 75% mark. */
  scorePercent: number;
  passed: boolean;
  /** question id -> answered correctly */
  perQuestion: Record<string, boolean>;
};

/** A question is right when the chosen keys are exactly its correct keys (order and repeats do not matter). */
export function isAnswerCorrect(correct: readonly string[], chosen: readonly string[] | undefined): boolean {
  if (!chosen || chosen.length === 0) return false;
  const want = new Set(correct);
  const got = new Set(chosen);
  if (want.size !== got.size) return false;
  for (const key of got) if (!want.has(key)) return false;
  return true;
}

/** Grades an attempt: unanswered questions count as wrong; passing compares exact fractions, not rounded ones. */
export function gradeAttempt(questions: readonly GradableQuestion[], answers: Answers, passPercent: number): Grade {
  const perQuestion: Record<string, boolean> = {};
  let correctCount = 0;
  for (const q of questions) {
    const right = isAnswerCorrect(q.correct, answers[q.id]);
    perQuestion[q.id] = right;
    if (right) correctCount++;
  }
  const total = questions.length;
  const scorePercent = total === 0 ? 0 : Math.floor((correctCount * 100) / total);
  const passed = total > 0 && correctCount * 100 >= passPercent * total;
  return { correctCount, total, scorePercent, passed, perQuestion };
}

/** Correct answers per group (e.g. per module) of an attempt's questions, in first-seen order. */
export function scoreByGroup<G>(questions: readonly { id: string; group: G }[], perQuestion: Grade["perQuestion"]) {
  const groups = new Map<G, { group: G; correctCount: number; total: number }>();
  for (const q of questions) {
    const entry = groups.get(q.group) ?? { group: q.group, correctCount: 0, total: 0 };
    entry.total++;
    if (perQuestion[q.id]) entry.correctCount++;
    groups.set(q.group, entry);
  }
  return [...groups.values()].map((g) => ({ ...g, scorePercent: Math.floor((g.correctCount * 100) / g.total) }));
}
