import { and, eq, isNull } from "drizzle-orm";
import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { assertLevelOpen } from "../../catalog/access.js";
import { levels, programs } from "../../catalog/schema.js";

/** The program CPD minutes count toward (its rule set: 40 h every 12 months). */
export const CPD_PROGRAM_KEY = "ccsmp";

/**
 * CPD Paths and the Library are Level 5 of CCSMP: open to the plans that open that level (Full and CPD
 * Membership), staff always; otherwise 403 naming the plans, as every locked level does.
 */
export async function assertCpdOpen(ctx: AppContext, actor: Actor, db: Db = ctx.database.db): Promise<void> {
  const [level] = await db
    .select({ id: levels.id })
    .from(levels)
    .innerJoin(programs, eq(programs.id, levels.programId))
    .where(and(eq(programs.key, CPD_PROGRAM_KEY), eq(levels.number, 5), isNull(levels.archivedAt)));
  if (!level) throw new AppError("not_found", "CPD is not set up: the CCSMP program has no Level 5.");
  await assertLevelOpen(ctx, actor, level.id, db);
}
