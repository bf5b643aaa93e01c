import { and, asc, count, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { attempts } from "../assessments/schema.js";
import { progress } from "../learning/schema.js";
import { assessments, items, lessons, levels, modules, programs } from "./schema.js";

/** Catalog reads: live (not archived) rows only, in content order. */

export async function livePrograms(db: Db, programKey?: string) {
  return db
    .select()
    .from(programs)
    .where(and(isNull(programs.archivedAt), programKey ? eq(programs.key, programKey) : undefined))
    .orderBy(asc(programs.position), asc(programs.key));
}

export async function liveLevels(db: Db, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .select()
    .from(levels)
    .where(and(inArray(levels.programId, programIds), isNull(levels.archivedAt)))
    .orderBy(asc(levels.position));
}

export async function liveModulesWithLessonCounts(db: Db, programIds: string[]) {
  if (programIds.length === 0) return [];
  return db
    .select({
      id: modules.id,
      key: modules.key,
      levelId: modules.levelId,
      number: modules.number,
      title: modules.title,
      summary: modules.summary,
      // Written out with an alias: inside a sub-select Drizzle leaves columns unqualified, so "id" would be the lesson's.
      lessonCount: sql<number>`(select count(*)::int from academy_lessons x where x.module_id = "academy_modules"."id" and x.archived_at is null)`,
    })
    .from(modules)
    .where(and(inArray(modules.programId, programIds), isNull(modules.archivedAt)))
    .orderBy(asc(modules.position));
}

export async function liveExams(db: Db, levelIds: string[]) {
  if (levelIds.length === 0) return [];
  return db
    .select()
    .from(assessments)
    .where(and(inArray(assessments.levelId, levelIds), eq(assessments.kind, "exam"), isNull(assessments.archivedAt)))
    .orderBy(asc(assessments.position));
}

export type ProgressRow = { percent: number; completedAt: Date | null; lastActivityAt: Date };

/** The learner's progress rows for these objects, by object id. */
export async function progressOf(db: Db, userId: string, objectIds: string[]): Promise<Map<string, ProgressRow>> {
  if (objectIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(progress)
    .where(and(eq(progress.userId, userId), inArray(progress.objectId, objectIds)));
  return new Map(rows.map((r) => [r.objectId, r]));
}

export async function moduleByKey(db: Db, moduleKey: string) {
  const [row] = await db
    .select({
      module: modules,
      level: { id: levels.id, key: levels.key, number: levels.number, title: levels.title, plans: levels.plans },
      program: { key: programs.key, title: programs.title },
    })
    .from(modules)
    .innerJoin(levels, eq(levels.id, modules.levelId))
    .innerJoin(programs, eq(programs.id, modules.programId))
    .where(and(eq(modules.key, moduleKey), isNull(modules.archivedAt), isNull(programs.archivedAt)));
  return row;
}

/** The live lessons of the modules and their live items, each in position order. */
export async function liveLessonsWithItems(db: Db, moduleIds: string[]) {
  const lessonRows = moduleIds.length
    ? await db
        .select()
        .from(lessons)
        .where(and(inArray(lessons.moduleId, moduleIds), isNull(lessons.archivedAt)))
        .orderBy(asc(lessons.position))
    : [];
  const itemRows = lessonRows.length
    ? await db
        .select()
        .from(items)
        .where(
          and(
            inArray(
              items.lessonId,
              lessonRows.map((l) => l.id),
            ),
            isNull(items.archivedAt),
          ),
        )
        .orderBy(asc(items.position))
    : [];
  return { lessonRows, itemRows };
}

export async function moduleTestOf(db: Db, moduleId: string) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.moduleId, moduleId), eq(assessments.kind, "module_test"), isNull(assessments.archivedAt)),
    );
  return row;
}

/** Submitted attempts of one learner at one assessment: how many, best score, passed at least once. */
export async function attemptStats(db: Db, userId: string, assessmentId: string) {
  const [row] = await db
    .select({
      attempts: count(),
      best: max(attempts.scorePercent),
      passed: sql<boolean>`coalesce(bool_or(${attempts.passed}), false)`,
    })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.assessmentId, assessmentId), isNotNull(attempts.submittedAt)));
  return { attempts: row?.attempts ?? 0, best: row?.best ?? null, passed: Boolean(row?.passed) };
}
