import { asc, eq } from "drizzle-orm";
import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import { programs } from "../../catalog/schema.js";
import { addDays, localDate } from "../cycles/local-date.js";
import * as ledger from "../ledger/store.js";
import { assertCpdOpen, CPD_PROGRAM_KEY } from "../library/access.js";
import { pathProgress } from "../paths/progress.js";
import { stepsWithProgress } from "../paths/progress-store.js";
import { cpdPathEnrolments, cpdPaths } from "../paths/schema.js";
import { level5Status } from "../recertification/level5.js";
import { type HolderStanding, standingOf } from "../recertification/standing.js";
import type { CpdTime, Dashboard, DashboardQuery, PathProgress, Recertification } from "./contract.js";
import * as store from "./store.js";

export const ACTIVITY_PAGE_SIZE = 50;
const TIME_SOURCES = ["library", "live", "workshops", "paths", "external"] as const;

async function pathsProgress(ctx: AppContext, userId: string, timeZone: string): Promise<PathProgress[]> {
  const db = ctx.database.db;
  const enrolments = await db
    .select({ enrolment: cpdPathEnrolments, path: cpdPaths })
    .from(cpdPathEnrolments)
    .innerJoin(cpdPaths, eq(cpdPaths.id, cpdPathEnrolments.pathId))
    .where(eq(cpdPathEnrolments.userId, userId))
    .orderBy(asc(cpdPathEnrolments.enrolledAt));
  if (enrolments.length === 0) return [];
  const steps = await stepsWithProgress(
    db,
    userId,
    enrolments.map((e) => e.path.id),
  );
  return enrolments.map(({ enrolment, path }) => {
    const own = steps.filter((s) => s.pathId === path.id);
    const progress = pathProgress(own);
    return {
      pathId: path.id,
      key: path.key,
      title: path.title,
      category: path.category,
      startedOn: localDate(enrolment.enrolledAt, timeZone),
      stepsCompleted: progress.stepsCompleted,
      stepsTotal: own.length,
      percent: progress.percent,
      status: enrolment.completedAt ? "completed" : progress.status,
      durationMinutes: own.reduce((n, s) => n + s.durationMinutes, 0),
      nextItemId: progress.nextItemId,
      launchPath: `/cpd/paths/${path.id}`,
    };
  });
}

function presentRecertification(s: HolderStanding): Recertification {
  const r = s.recert;
  return {
    credentialId: s.credential.id,
    title: s.credential.title,
    achievedOn: s.achievedOn,
    anniversaryOn: r.anniversaryOn,
    expiresOn: r.expiresOn,
    requiredMinutes: r.requiredMinutes,
    appliedMinutes: r.appliedMinutes,
    earnedMinutes: r.earnedMinutes,
    remainingMinutes: r.remainingMinutes,
    cycleStartsOn: r.cycle.startsOn,
    standing: r.standing,
    forecast: s.forecast,
  };
}

/** The period CPD Time shows by default: the cycle whose hours count now, or this calendar year. */
function defaultPeriod(standing: HolderStanding | null, today: string) {
  if (standing) return { from: standing.recert.cycle.startsOn, to: addDays(standing.recert.cycle.endsOn, -1) };
  return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
}

export async function cpdTime(ctx: AppContext, userId: string, programId: string, from: string, to: string) {
  const rows = await store.minutesBySource(ctx.database.db, userId, programId, from, to);
  const of = (source: string) => Number(rows.find((r) => r.source === source)?.minutes ?? 0);
  const time: CpdTime = { from, to, library: 0, live: 0, workshops: 0, paths: 0, external: 0, total: 0 };
  for (const source of TIME_SOURCES) time[source] = of(source);
  time.total = rows.reduce((n, r) => n + Number(r.minutes), 0);
  return time;
}

/** The CPD dashboard: paths progress, activity history, recertification and CPD time (GET /api/academy/cpd/dashboard). */
export async function cpdDashboard(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const [program] = await db
    .select({ id: programs.id, key: programs.key, title: programs.title })
    .from(programs)
    .where(eq(programs.key, CPD_PROGRAM_KEY));
  if (!program) throw new AppError("not_found", "CPD is not set up: the CCSMP program is not imported.");
  const now = ctx.clock.now();
  const timeZone = actor.profile?.timeZone ?? (await ledger.timeZoneOf(db, actor.userId));
  const today = localDate(now, timeZone);
  const standing = await standingOf(db, actor.userId, now);
  const period = defaultPeriod(standing, today);
  const from = query.from ?? (query.to && query.to < period.from ? `${query.to.slice(0, 4)}-01-01` : period.from);
  const to = query.to ?? (query.from && query.from > period.to ? `${query.from.slice(0, 4)}-12-31` : period.to);
  const offset = (query.page - 1) * ACTIVITY_PAGE_SIZE;
  const [paths, activity, time, level5] = [
    await pathsProgress(ctx, actor.userId, timeZone),
    await store.activityPage(db, actor.userId, program.id, ACTIVITY_PAGE_SIZE, offset),
    await cpdTime(ctx, actor.userId, program.id, from, to),
    await level5Status(
      db,
      actor.userId,
      program.id,
      now,
      standing?.credential.programId === program.id ? standing.entries : undefined,
    ),
  ];
  return {
    program: { key: program.key, title: program.title },
    timeZone,
    paths,
    activity: {
      total: Number(activity[0]?.total ?? 0),
      page: query.page,
      pageSize: ACTIVITY_PAGE_SIZE,
      items: activity.map((a) => ({
        id: a.id,
        completedOn: a.occurred_on,
        title: a.title,
        assetType: a.asset_type,
        activityType: a.activity_type,
        source: a.source,
        minutes: Number(a.minutes),
        reversed: Boolean(a.reversed),
        launchPath: a.launch_path,
      })),
    },
    recertification: standing && standing.credential.programId === program.id ? presentRecertification(standing) : null,
    time,
    level5: level5
      ? { title: level5.title, criteria: level5.criteria, met: level5.met, credentialId: level5.credentialId }
      : null,
  };
}
