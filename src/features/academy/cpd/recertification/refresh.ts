import type { AppContext } from "../../../../platform/context.js";
import { renewCertification } from "../../credentials/service.js";
import { issueLevel5IfMet } from "./level5.js";
import { cycleEndInstant, standingOf } from "./standing.js";

/**
 * Brings a learner's credentials in line with their CPD record: for every met cycle the certification is
 * renewed through the credentials service (renewCertification is a no-op once renewed, so each cycle
 * renews it once), and the Level 5 certificate is issued when its criteria are met. Safe to repeat.
 */
export async function refreshRecertification(ctx: AppContext, userId: string) {
  const db = ctx.database.db;
  const standing = await standingOf(db, userId, ctx.clock.now());
  let renewed = 0;
  if (standing) {
    for (const cycle of standing.recert.metCycles) {
      renewed += (await renewCertification(ctx, userId, cycleEndInstant(standing, cycle.index))).length;
    }
  }
  const programId = standing?.credential.programId;
  const level5 = programId ? await issueLevel5IfMet(ctx, userId, programId) : null;
  return { renewed, level5 };
}
