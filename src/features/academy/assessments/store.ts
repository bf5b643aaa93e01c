import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { assessments, levels, modules, programs, questions } from "../catalog/schema.js";
import { statements } from "../learning/schema.js";
import { groupExamPool } from "./draw-questions.js";
import { attempts } from "./schema.js";

export type AttemptRow = typeof attempts.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;

const assessmentColumns = {
  id: assessments.id,
  key: assessments.key,
  kind: assessments.kind,
  title: assessments.title,
  description: assessments.description,
  programId: assessments.programId,
  programKey: programs.key,
  programTitle: programs.title,
  levelId: sql<string | null>`coalesce(${assessments.levelId}, ${modules.levelId})`,
  moduleId: assessments.moduleId,
  moduleKey: modules.key,
  parentTitle: sql<string | null>`coalesce(${modules.title}, ${levels.title})`,
  questionCount: assessments.questionCount,
  passPercent: assessments.passPercent,
  timeLimitMinutes: assessments.timeLimitMinutes,
  retakePolicy: assessments.retakePolicy,
  blueprint: assessments.blueprint,
  position: assessments.position,
  // The program row's version: every import and every app edit of the program's content rewrites that row
  // in its own transaction, so a new xmin means the questions may have changed (see pool-cache.ts).
  contentVersion: sql<string>`"academy_programs".xmin::text`,
  levelPlans: sql<
    string[] | null
  >`(select lv.plans from academy_levels lv where lv.id = coalesce(${assessments.levelId}, ${modules.levelId}))`,
};
export type AssessmentRow = {
  id: string;
  key: string;
  kind: "module_test" | "exam";
  title: string;
  description: string | null;
  programId: string;
  programKey: string;
  programTitle: string;
  levelId: string | null;
  moduleId: string | null;
  moduleKey: string | null;
  parentTitle: string | null;
  questionCount: number;
  passPercent: number;
  timeLimitMinutes: number | null;
  retakePolicy: { waitsAfterFailureHours: number[]; thenEveryFailureHours: number } | null;
  blueprint: Record<string, number> | null;
  position: number;
  /** Changes whenever the program's content may have (import, app edit), in any process. */
  contentVersion: string;
  /** The plans that open the assessment's level (null when it has none). */
  levelPlans: string[] | null;
};

const assessmentQuery = (db: Db) =>
  db
    .select(assessmentColumns)
    .from(assessments)
    .innerJoin(programs, eq(programs.id, assessments.programId))
    .leftJoin(modules, eq(modules.id, assessments.moduleId))
    .leftJoin(levels, eq(levels.id, assessments.levelId));

/** A live (not archived) assessment with its program and parent titles. */
export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await assessmentQuery(db).where(and(eq(assessments.id, id), isNull(assessments.archivedAt)));
  return row as AssessmentRow | undefined;
}

/** Archived or not: attempts keep pointing at what they were taken on. */
export async function findAssessmentAnyState(db: Db, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await assessmentQuery(db).where(eq(assessments.id, id));
  return row as AssessmentRow | undefined;
}

export async function listAssessments(
  db: Db,
  filter: { kind?: "module_test" | "exam"; moduleId?: string; levelId?: string },
): Promise<AssessmentRow[]> {
  const rows = await assessmentQuery(db)
    .where(
      and(
        isNull(assessments.archivedAt),
        filter.kind ? eq(assessments.kind, filter.kind) : undefined,
        filter.moduleId ? eq(assessments.moduleId, filter.moduleId) : undefined,
        filter.levelId ? or(eq(assessments.levelId, filter.levelId), eq(modules.levelId, filter.levelId)) : undefined,
      ),
    )
    .orderBy(asc(programs.position), asc(levels.position), asc(modules.position), asc(assessments.position));
  return rows as AssessmentRow[];
}

/**
 * The question pools an assessment draws from, keyed as its draw parts name them (see `drawPlan`): a
 * module test's module bank (by module key); an exam's own pool, grouped by module tag for its blueprint
 * (`groupExamPool`). An exam imported before exam pools had module tags, with a blueprint and no pool of its
 * own, still draws from the module banks (`pulse content check` refuses such content).
 */
export async function questionPools(db: Db, a: AssessmentRow): Promise<Map<string, string[]>> {
  if (a.kind === "exam") {
    const own = await db
      .select({ id: questions.id, module: modules.key })
      .from(questions)
      .leftJoin(modules, eq(modules.id, questions.examModuleId))
      .where(and(eq(questions.assessmentId, a.id), isNull(questions.archivedAt)))
      .orderBy(asc(questions.position));
    if (own.length > 0 || !a.blueprint) return groupExamPool(own, a.blueprint !== null);
  }
  const moduleKeys = a.kind === "module_test" ? (a.moduleKey ? [a.moduleKey] : []) : Object.keys(a.blueprint ?? {});
  const pools = new Map<string, string[]>(moduleKeys.map((key) => [key, []]));
  if (moduleKeys.length === 0) return pools;
  const rows = await db
    .select({ id: questions.id, moduleKey: modules.key })
    .from(questions)
    .innerJoin(modules, eq(modules.id, questions.moduleId))
    .where(and(inArray(modules.key, moduleKeys), isNull(questions.archivedAt)))
    .orderBy(asc(questions.position));
  for (const r of rows) pools.get(r.moduleKey)?.push(r.id);
  return pools;
}

export async function questionsByIds(db: Db, ids: string[]): Promise<QuestionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(questions).where(inArray(questions.id, ids));
}

/** Module id -> key and title, for exam scores per module. */
export async function moduleNames(db: Db, ids: string[]): Promise<Map<string, { key: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: modules.id, key: modules.key, title: modules.title })
    .from(modules)
    .where(inArray(modules.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { key: r.key, title: r.title }]));
}

export async function attemptsOf(db: Db, userId: string, assessmentId: string): Promise<AttemptRow[]> {
  return db
    .select()
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.assessmentId, assessmentId)))
    .orderBy(asc(attempts.number));
}

/** Every attempt of a user per assessment, for list badges. */
export async function attemptStatsOf(db: Db, userId: string) {
  return db
    .select({
      assessmentId: attempts.assessmentId,
      count: sql<number>`count(*)::int`,
      best: sql<number | null>`max(${attempts.scorePercent})`,
      passed: sql<boolean>`coalesce(bool_or(${attempts.passed}), false)`,
    })
    .from(attempts)
    .where(eq(attempts.userId, userId))
    .groupBy(attempts.assessmentId);
}

/**
 * Every attempt of the user at any assessment, oldest first: a start needs this assessment's attempts and
 * every question the user was shown (see `seenIn`), so they are read in one statement.
 */
export async function attemptsOfUser(db: Db, userId: string): Promise<AttemptRow[]> {
  return db.select().from(attempts).where(eq(attempts.userId, userId)).orderBy(asc(attempts.startedAt));
}

/** Question id -> when (epoch ms) the user last saw it, from their attempts oldest first. */
export function seenIn(rows: readonly Pick<AttemptRow, "questionIds" | "startedAt">[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const r of rows) for (const id of r.questionIds) seen.set(id, r.startedAt.getTime());
  return seen;
}

export async function findAttempt(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(attempts).where(eq(attempts.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertAttempt(db: Db, values: typeof attempts.$inferInsert): Promise<AttemptRow> {
  const [row] = await db.insert(attempts).values(values).returning();
  if (!row) throw new Error("attempt insert returned nothing");
  return row;
}

/** The new attempt and its `attempted` statement, in one statement (a data-modifying CTE). */
export async function insertAttemptWithStatement(
  db: Db,
  values: typeof attempts.$inferInsert & { id: string },
  statement: typeof statements.$inferInsert,
): Promise<AttemptRow> {
  const attempted = db.$with("attempted", {}).as(db.insert(statements).values(statement).getSQL());
  const [row] = await db.with(attempted).insert(attempts).values(values).returning();
  if (!row) throw new Error("attempt insert returned nothing");
  return row;
}

/** Saves answers while the attempt is open; returns nothing when it was submitted meanwhile. */
export async function updateAnswers(db: Db, id: string, answers: Record<string, string[]>) {
  const [row] = await db
    .update(attempts)
    .set({ answers })
    .where(and(eq(attempts.id, id), isNull(attempts.submittedAt)))
    .returning();
  return row;
}

/** Records the grade once: a second grader (job and learner at the same moment) updates nothing. */
export async function finishAttempt(
  db: Db,
  id: string,
  values: Pick<AttemptRow, "answers" | "submittedAt" | "submittedBy" | "correctCount" | "scorePercent" | "passed">,
) {
  const [row] = await db
    .update(attempts)
    .set(values)
    .where(and(eq(attempts.id, id), isNull(attempts.submittedAt)))
    .returning();
  return row;
}

/** Open attempts whose deadline has passed (the sweep grades them). */
export async function expiredOpenAttempts(db: Db, now: Date, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(isNull(attempts.submittedAt), lte(attempts.deadlineAt, now)))
    .orderBy(asc(attempts.deadlineAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function insertStatement(db: Db, values: typeof statements.$inferInsert) {
  const [row] = await db.insert(statements).values(values).returning({ id: statements.id });
  if (!row) throw new Error("statement insert returned nothing");
  return row.id;
}

/** Admin pool report: each live assessment with its pool sizes. */
export async function allLiveAssessments(db: Db): Promise<AssessmentRow[]> {
  return listAssessments(db, {});
}
