import { and, eq, isNotNull } from "drizzle-orm";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { levels, programs } from "../../catalog/schema.js";
import { issueForCompletion } from "../../credentials/service.js";
import * as credentialStore from "../../credentials/store.js";
import { computeCycles } from "../cycles/cycles.js";
import { localDate } from "../cycles/local-date.js";
import type { CpdEntry } from "../ledger/contract.js";
import * as ledger from "../ledger/store.js";
import { cycleEntries } from "./standing.js";

export type Level5 = {
  levelId: string;
  title: string;
  criteria: string;
  met: boolean;
  credentialId: string | null;
};

/** The program's CPD level (content `cpd` criteria) and whether the learner meets them. */
export async function level5Status(
  db: Db,
  userId: string,
  programId: string,
  now: Date,
  /** The learner's entries of the program when the caller has read them already. */
  known?: CpdEntry[],
): Promise<Level5 | null> {
  const [level] = await db
    .select({ id: levels.id, cpd: levels.cpd, credential: levels.credential, programId: programs.id })
    .from(levels)
    .innerJoin(programs, eq(programs.id, levels.programId))
    .where(and(eq(levels.programId, programId), isNotNull(levels.cpd)));
  if (!level?.cpd) return null;
  const { requires, hours, months } = level.cpd;
  const title = level.credential?.title ?? "Level 5";
  const held = await credentialStore.findByAchievement(db, userId, `level:${level.id}`);
  const [required] = await db
    .select({ id: levels.id, credential: levels.credential })
    .from(levels)
    .where(eq(levels.key, requires));
  const requiredName = required?.credential?.title ?? requires;
  const criteria = `Issued when you hold the ${requiredName} certification and have logged ${hours} hours of CPD within ${months} months of its achievement date or an anniversary.`;
  const base = required ? await credentialStore.findByAchievement(db, userId, `level:${required.id}`) : undefined;
  let met = false;
  if (base && !base.revokedAt) {
    const tz = await ledger.timeZoneOf(db, userId);
    const entries = known ?? (await ledger.entriesOf(db, userId, programId)).map(ledger.toEntry);
    const rules = {
      programKey: "level5",
      requiredMinutes: hours * 60,
      months,
      graceDays: 0,
      carryOverMinutes: 0,
      perSourceCapMinutes: {},
      reminderDays: [],
      auditRatePercent: 0,
    };
    const report = computeCycles(rules, localDate(base.achievedAt, tz), cycleEntries(entries), localDate(now, tz));
    met = report.cycles.some((c) => c.metOn !== null);
  }
  return { levelId: level.id, title, criteria, met, credentialId: held?.id ?? null };
}

/** Issues the Level 5 certificate once its criteria are met (idempotent: one credential per achievement). */
export async function issueLevel5IfMet(ctx: AppContext, userId: string, programId: string): Promise<string | null> {
  const status = await level5Status(ctx.database.db, userId, programId, ctx.clock.now());
  if (!status?.met || status.credentialId) return status?.credentialId ?? null;
  const issued = await issueForCompletion(ctx, {
    userId,
    object: "level",
    objectId: status.levelId,
    completedAt: ctx.clock.now(),
  });
  return issued?.id ?? null;
}
