import { and, asc, eq, isNull } from "drizzle-orm";
import { AppError } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { activeAccessKeys } from "../../billing/service.js";
import { type LevelLock, levelLock } from "./plans.js";
import { levels, programs } from "./schema.js";

/** The plans a user holds now: billing's entitlements (subscription, team seat or staff grant), nothing else. */
export async function activePlans(ctx: AppContext, db: Db, userId: string): Promise<string[]> {
  return activeAccessKeys(db, userId, ctx.clock.now());
}

/** Whether the actor may open a level; one query for the plans, one for the level. */
export async function lockOfLevel(
  ctx: AppContext,
  actor: Actor,
  levelId: string,
  db: Db = ctx.database.db,
): Promise<LevelLock> {
  const [level] = await db.select({ plans: levels.plans }).from(levels).where(eq(levels.id, levelId));
  if (!level) throw new AppError("not_found", "Level was not found.");
  return levelLock(level.plans, await activePlans(ctx, db, actor.userId), actor.isPlatformAdmin);
}

/** Throws 403 with the lock's message when the actor's plans do not open the level. */
export async function assertLevelOpen(
  ctx: AppContext,
  actor: Actor,
  levelId: string,
  db: Db = ctx.database.db,
): Promise<void> {
  const lock = await lockOfLevel(ctx, actor, levelId, db);
  if (!lock.open) throw new AppError("forbidden", lock.message);
}

/** Which live levels each plan key opens, in course order: what the plan list shows a buyer. */
export async function levelsOpenedBy(
  ctx: AppContext,
): Promise<Map<string, { programTitle: string; levelNumber: number; levelTitle: string }[]>> {
  const rows = await ctx.database.db
    .select({ plans: levels.plans, number: levels.number, title: levels.title, programTitle: programs.title })
    .from(levels)
    .innerJoin(programs, eq(programs.id, levels.programId))
    .where(and(isNull(levels.archivedAt), isNull(programs.archivedAt)))
    .orderBy(asc(programs.position), asc(levels.position));
  const byPlan = new Map<string, { programTitle: string; levelNumber: number; levelTitle: string }[]>();
  for (const r of rows) {
    for (const plan of r.plans) {
      const list = byPlan.get(plan) ?? [];
      list.push({ programTitle: r.programTitle, levelNumber: r.number, levelTitle: r.title });
      byPlan.set(plan, list);
    }
  }
  return byPlan;
}
