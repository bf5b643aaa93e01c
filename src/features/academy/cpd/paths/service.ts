import { and, asc, eq, isNull } from "drizzle-orm";
import { notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import { assertCpdOpen } from "../library/access.js";
import type { LibraryFormat } from "../library/contract.js";
import type { PathDetail, PathSummary } from "./contract.js";
import { pathProgress } from "./progress.js";
import { markPathsCompleted, type StepRow, stepsWithProgress } from "./progress-store.js";
import { cpdPathEnrolments, cpdPaths } from "./schema.js";

type PathRow = typeof cpdPaths.$inferSelect;
type EnrolmentRow = typeof cpdPathEnrolments.$inferSelect;

/** Contents by format in the seed's order (Articles, Videos, Audio, Downloads, Tools), with counts. */
const FORMAT_ORDER: LibraryFormat[] = ["article", "video", "audio", "download", "tool"];

function summarize(path: PathRow, steps: StepRow[], enrolment: EnrolmentRow | undefined): PathSummary {
  const counts = new Map<LibraryFormat, number>();
  for (const s of steps) counts.set(s.format, (counts.get(s.format) ?? 0) + 1);
  return {
    id: path.id,
    key: path.key,
    title: path.title,
    category: path.category,
    description: path.description,
    featured: path.featured,
    demo: path.demo,
    contents: FORMAT_ORDER.filter((f) => counts.has(f)).map((format) => ({ format, count: counts.get(format) ?? 0 })),
    steps: steps.length,
    durationMinutes: steps.reduce((n, s) => n + s.durationMinutes, 0),
    enrolment: enrolment
      ? {
          enrolledAt: enrolment.enrolledAt.toISOString(),
          completedAt: enrolment.completedAt?.toISOString() ?? null,
          ...pathProgress(steps),
        }
      : null,
  };
}

async function enrolmentsOf(ctx: AppContext, userId: string) {
  const rows = await ctx.database.db.select().from(cpdPathEnrolments).where(eq(cpdPathEnrolments.userId, userId));
  return new Map(rows.map((r) => [r.pathId, r]));
}

/** Every live path with contents, duration and the caller's enrolment and progress. */
export async function listPaths(ctx: AppContext, actor: Actor): Promise<{ paths: PathSummary[] }> {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const paths = await db.select().from(cpdPaths).where(isNull(cpdPaths.archivedAt)).orderBy(asc(cpdPaths.position));
  const steps = await stepsWithProgress(db, actor.userId);
  const enrolments = await enrolmentsOf(ctx, actor.userId);
  return {
    paths: paths.map((p) =>
      summarize(
        p,
        steps.filter((s) => s.pathId === p.id),
        enrolments.get(p.id),
      ),
    ),
  };
}

/** One path with its steps in order. */
export async function pathDetail(ctx: AppContext, actor: Actor, pathId: string): Promise<PathDetail> {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const [path] = await db
    .select()
    .from(cpdPaths)
    .where(and(eq(cpdPaths.id, pathId), isNull(cpdPaths.archivedAt)));
  if (!path) throw notFound("CPD path");
  const steps = await stepsWithProgress(db, actor.userId, [pathId]);
  const [enrolment] = await db
    .select()
    .from(cpdPathEnrolments)
    .where(and(eq(cpdPathEnrolments.userId, actor.userId), eq(cpdPathEnrolments.pathId, pathId)));
  return {
    ...summarize(path, steps, enrolment),
    stepList: steps.map((s) => ({
      position: s.position + 1,
      itemId: s.itemId,
      title: s.title,
      format: s.format,
      durationMinutes: s.durationMinutes,
      completed: s.completed,
    })),
  };
}

/**
 * Enrols the caller (once: enrolling again answers the same enrolment, `created: false`). Steps already
 * completed in the library count; a path whose steps are all done is completed at once.
 */
export async function enrol(ctx: AppContext, actor: Actor, pathId: string) {
  await pathDetail(ctx, actor, pathId);
  const now = ctx.clock.now();
  const created = await ctx.database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(cpdPathEnrolments)
      .values({ userId: actor.userId, pathId, enrolledAt: now })
      .onConflictDoNothing()
      .returning({ id: cpdPathEnrolments.id });
    if (inserted.length > 0) await markPathsCompleted(tx, actor.userId, now);
    return inserted.length > 0;
  });
  return { created, path: await pathDetail(ctx, actor, pathId) };
}
