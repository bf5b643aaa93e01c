import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { AppError } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import { type LevelLock, levelLock } from "./plans.js";
import { levels, memberships } from "./schema.js";

/** The plans a user holds now (started, not ended). */
export async function activePlans(ctx: AppContext, db: Db, userId: string): Promise<string[]> {
  const now = ctx.clock.now();
  const rows = await db
    .select({ plan: memberships.plan })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        lte(memberships.startsAt, now),
        or(isNull(memberships.endsAt), gt(memberships.endsAt, now)),
      ),
    );
  return rows.map((r) => r.plan);
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
