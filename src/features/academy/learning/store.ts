import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { attempts } from "../assessments/schema.js";
import { assessments, items, lessons, levels, modules, programs, questions } from "../catalog/schema.js";
import { itemProgress, progress, statements } from "./schema.js";

export type ItemRow = typeof items.$inferSelect;
export type ItemProgressRow = typeof itemProgress.$inferSelect;
export type ProgressRow = typeof progress.$inferSelect;
export type ObjectType = ProgressRow["objectType"];

/** Serializes one learner's learning writes (statements and completions) across requests and tabs. */
export async function lockLearner(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`academy-learning:${userId}`}))`);
}

/** Where a lesson sits: its module, level and program (archived lessons are not found). */
export async function findLessonPath(db: Db, lessonId: string) {
  const [row] = await db
    .select({ lesson: lessons, module: modules, level: levels, program: programs })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(levels, eq(levels.id, modules.levelId))
    .innerJoin(programs, eq(programs.id, modules.programId))
    .where(and(eq(lessons.id, lessonId), isNull(lessons.archivedAt)));
  return row;
}

export async function findModulePath(db: Db, moduleId: string) {
  const [row] = await db
    .select({ module: modules, level: levels, program: programs })
    .from(modules)
    .innerJoin(levels, eq(levels.id, modules.levelId))
    .innerJoin(programs, eq(programs.id, modules.programId))
    .where(and(eq(modules.id, moduleId), isNull(modules.archivedAt)));
  return row;
}

export async function findLevelPath(db: Db, levelId: string) {
  const [row] = await db
    .select({ level: levels, program: programs })
    .from(levels)
    .innerJoin(programs, eq(programs.id, levels.programId))
    .where(and(eq(levels.id, levelId), isNull(levels.archivedAt)));
  return row;
}

export async function findProgram(db: Db, programId: string) {
  const [row] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), isNull(programs.archivedAt)));
  return row;
}

export async function firstProgram(db: Db) {
  const [row] = await db
    .select()
    .from(programs)
    .where(isNull(programs.archivedAt))
    .orderBy(asc(programs.position))
    .limit(1);
  return row;
}

export async function findItems(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ item: items, levelId: modules.levelId, programId: modules.programId })
    .from(items)
    .innerJoin(lessons, eq(lessons.id, items.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(inArray(items.id, ids), isNull(items.archivedAt)));
}

export async function findKnowledgeQuestions(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(questions)
    .where(and(inArray(questions.id, ids), isNotNull(questions.itemId), isNull(questions.archivedAt)));
}

/** Everything a program holds that counts for completion, in course order (archived rows left out). */
export async function programContents(db: Db, programId: string) {
  const [levelRows, moduleRows, lessonRows, itemRows, questionRows, assessmentRows] = await Promise.all([
    db
      .select()
      .from(levels)
      .where(and(eq(levels.programId, programId), isNull(levels.archivedAt)))
      .orderBy(asc(levels.position)),
    db
      .select()
      .from(modules)
      .where(and(eq(modules.programId, programId), isNull(modules.archivedAt)))
      .orderBy(asc(modules.position)),
    db
      .select({ lesson: lessons })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(and(eq(modules.programId, programId), isNull(lessons.archivedAt)))
      .orderBy(asc(lessons.position)),
    db
      .select({ item: items })
      .from(items)
      .innerJoin(lessons, eq(lessons.id, items.lessonId))
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(and(eq(modules.programId, programId), isNull(items.archivedAt)))
      .orderBy(asc(items.position)),
    db
      .select({ id: questions.id, itemId: questions.itemId })
      .from(questions)
      .innerJoin(items, eq(items.id, questions.itemId))
      .innerJoin(lessons, eq(lessons.id, items.lessonId))
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(and(eq(modules.programId, programId), isNull(questions.archivedAt)))
      .orderBy(asc(questions.position)),
    db
      .select()
      .from(assessments)
      .where(and(eq(assessments.programId, programId), isNull(assessments.archivedAt)))
      .orderBy(asc(assessments.position)),
  ]);
  return {
    levels: levelRows,
    modules: moduleRows,
    lessons: lessonRows.map((r) => r.lesson),
    items: itemRows.map((r) => r.item),
    questions: questionRows,
    assessments: assessmentRows,
  };
}

export async function itemProgressOf(db: Db, userId: string, itemIds: string[]): Promise<ItemProgressRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .select()
    .from(itemProgress)
    .where(and(eq(itemProgress.userId, userId), inArray(itemProgress.itemId, itemIds)));
}

/** Per assessment: whether any submitted attempt passed, and the best score. */
export async function assessmentResults(db: Db, userId: string, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select({
      assessmentId: attempts.assessmentId,
      passed: sql<boolean>`coalesce(bool_or(${attempts.passed}), false)`,
      best: sql<number | null>`max(${attempts.scorePercent})`,
    })
    .from(attempts)
    .where(
      and(eq(attempts.userId, userId), inArray(attempts.assessmentId, assessmentIds), isNotNull(attempts.submittedAt)),
    )
    .groupBy(attempts.assessmentId);
}

export async function upsertItemProgress(db: Db, row: typeof itemProgress.$inferInsert): Promise<void> {
  await db
    .insert(itemProgress)
    .values(row)
    .onConflictDoUpdate({
      target: [itemProgress.userId, itemProgress.itemId],
      set: { state: row.state, percent: row.percent, completedAt: row.completedAt, updatedAt: row.updatedAt },
    });
}

export async function insertStatements(db: Db, rows: (typeof statements.$inferInsert)[]): Promise<{ id: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(statements).values(rows).returning({ id: statements.id });
}

export async function progressRows(db: Db, userId: string, objectIds: string[]): Promise<ProgressRow[]> {
  if (objectIds.length === 0) return [];
  return db
    .select()
    .from(progress)
    .where(and(eq(progress.userId, userId), inArray(progress.objectId, objectIds)));
}

export async function upsertProgress(db: Db, row: typeof progress.$inferInsert): Promise<void> {
  await db
    .insert(progress)
    .values(row)
    .onConflictDoUpdate({
      target: [progress.userId, progress.objectType, progress.objectId],
      set: { percent: row.percent, completedAt: row.completedAt, lastActivityAt: row.lastActivityAt },
    });
}

/** The learner's lessons by latest activity, not complete first (for "continue where I left off"). */
export async function recentLessons(db: Db, userId: string, limit = 20) {
  return db
    .select({ lessonId: progress.objectId, completedAt: progress.completedAt, lastActivityAt: progress.lastActivityAt })
    .from(progress)
    .where(and(eq(progress.userId, userId), eq(progress.objectType, "lesson")))
    .orderBy(sql`${progress.completedAt} is not null`, desc(progress.lastActivityAt))
    .limit(limit);
}

/** The program the learner was last active in. */
export async function lastActiveProgramId(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: progress.objectId })
    .from(progress)
    .where(and(eq(progress.userId, userId), eq(progress.objectType, "program")))
    .orderBy(desc(progress.lastActivityAt))
    .limit(1);
  return row?.id;
}

export async function findAssessmentRef(db: Db, assessmentId: string) {
  const [row] = await db
    .select({ programId: assessments.programId, moduleId: assessments.moduleId, levelId: assessments.levelId })
    .from(assessments)
    .where(eq(assessments.id, assessmentId));
  return row;
}

/** The knowledge-check questions of some items, in order (correct answers included: never send them out). */
export async function questionsOfItems(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select()
    .from(questions)
    .where(and(inArray(questions.itemId, itemIds), isNull(questions.archivedAt)))
    .orderBy(asc(questions.position));
}
