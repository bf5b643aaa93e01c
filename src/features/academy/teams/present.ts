import type { TeamProgressRow } from "./contract.js";
import type { ExamSubject } from "./exam-results.js";
import type { GridRow } from "./store.js";

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function present(r: GridRow): TeamProgressRow {
  return {
    userId: r.user_id,
    name: r.name,
    email: r.email,
    program: { key: r.program_key, title: r.program_title },
    level: { number: Number(r.level_number), title: r.level_title },
    module: { key: r.module_key, number: Number(r.module_number), title: r.module_title },
    percent: r.percent ?? 0,
    status: r.status,
    completedAt: iso(r.completed_at),
    lastActivityAt: iso(r.last_activity_at),
    test: {
      attempts: r.attempts ?? 0,
      bestScorePercent: r.best_score,
      lastScorePercent: r.last_score,
      passed: Boolean(r.passed),
    },
  };
}

/** The (member, program) pairs of the rows, once each, in the rows' order: whose exams to show. */
export function examSubjects(rows: TeamProgressRow[]): ExamSubject[] {
  const seen = new Map<string, ExamSubject>();
  for (const r of rows) {
    const key = `${r.userId} ${r.program.key}`;
    if (!seen.has(key)) {
      seen.set(key, {
        userId: r.userId,
        name: r.name,
        email: r.email,
        programKey: r.program.key,
        programTitle: r.program.title,
      });
    }
  }
  return [...seen.values()];
}
