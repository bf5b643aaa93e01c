import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { libraryCompletions, libraryItems } from "../library/schema.js";
import { cpdPathEnrolments, cpdPathSteps, cpdPaths } from "./schema.js";

export type StepRow = {
  pathId: string;
  position: number;
  itemId: string;
  title: string;
  format: (typeof libraryItems.$inferSelect)["format"];
  durationMinutes: number;
  completed: boolean;
};

/** The live steps of live paths (or of the paths given), in order, each with whether the user completed its item. */
export async function stepsWithProgress(db: Db, userId: string, pathIds?: string[]): Promise<StepRow[]> {
  return db
    .select({
      pathId: cpdPathSteps.pathId,
      position: cpdPathSteps.position,
      itemId: cpdPathSteps.itemId,
      title: libraryItems.title,
      format: libraryItems.format,
      durationMinutes: libraryItems.durationMinutes,
      completed: sql<boolean>`${libraryCompletions.completedAt} is not null`,
    })
    .from(cpdPathSteps)
    .innerJoin(cpdPaths, eq(cpdPaths.id, cpdPathSteps.pathId))
    .innerJoin(libraryItems, eq(libraryItems.id, cpdPathSteps.itemId))
    .leftJoin(
      libraryCompletions,
      and(eq(libraryCompletions.itemId, cpdPathSteps.itemId), eq(libraryCompletions.userId, userId)),
    )
    .where(
      and(
        isNull(cpdPathSteps.archivedAt),
        isNull(cpdPaths.archivedAt),
        pathIds ? inArray(cpdPathSteps.pathId, pathIds) : undefined,
      ),
    )
    .orderBy(asc(cpdPathSteps.pathId), asc(cpdPathSteps.position));
}

/**
 * Why the user may not complete `itemId` as a step of `pathId` now, or null: not enrolled, not a step of
 * the path, or an earlier step not completed yet (steps are followed in order).
 */
export async function stepOrderProblem(db: Db, userId: string, pathId: string, itemId: string): Promise<string | null> {
  const [enrolment] = await db
    .select({ id: cpdPathEnrolments.id })
    .from(cpdPathEnrolments)
    .where(and(eq(cpdPathEnrolments.userId, userId), eq(cpdPathEnrolments.pathId, pathId)));
  if (!enrolment) return "Enrol in the path first.";
  const steps = await stepsWithProgress(db, userId, [pathId]);
  const index = steps.findIndex((s) => s.itemId === itemId);
  if (index < 0) return "This item is not a step of the path.";
  const earlier = steps.slice(0, index).find((s) => !s.completed);
  return earlier
    ? `Complete step ${earlier.position + 1} (${earlier.title}) first: a path is followed in order.`
    : null;
}

/** Stamps `completed_at` on the user's enrolments whose every live step is now completed (once). */
export async function markPathsCompleted(db: Db, userId: string, now: Date): Promise<void> {
  await db.execute(sql`
    update ${cpdPathEnrolments} e set completed_at = ${now}
    where e.user_id = ${userId} and e.completed_at is null
      and exists (select 1 from ${cpdPathSteps} s where s.path_id = e.path_id and s.archived_at is null)
      and not exists (
        select 1 from ${cpdPathSteps} s
        left join ${libraryCompletions} c on c.item_id = s.item_id and c.user_id = ${userId} and c.completed_at is not null
        where s.path_id = e.path_id and s.archived_at is null and c.id is null)`);
}
