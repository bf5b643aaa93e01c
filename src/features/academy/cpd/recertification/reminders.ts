import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { AppContext } from "../../../../platform/context.js";
import type { Tx } from "../../../../platform/db/database.js";
import { getMe } from "../../../accounts/identity/service.js";
import { credentials } from "../../credentials/schema.js";
import { daysBetween } from "../cycles/local-date.js";
import { cpdReminders } from "./schema.js";
import { type HolderStanding, standingOf } from "./standing.js";

const hours = (minutes: number) => `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

/**
 * The reminder step due today: the smallest of the rule set's days (90, 30, 7) that the days left have
 * reached, while the cycle is short and the certification not yet expired; null otherwise.
 */
export function reminderStep(standing: Pick<HolderStanding, "recert" | "rules" | "today">): number | null {
  if (standing.recert.cycle.metOn !== null) return null;
  const left = daysBetween(standing.today, standing.recert.expiresOn);
  if (left <= 0) return null;
  const reached = standing.rules.reminderDays.filter((d) => left <= d);
  return reached.length > 0 ? Math.min(...reached) : null;
}

/** Sends each holder's due reminder once per credential, expiry and step (a missed day sends the latest step only). */
export async function sendCpdReminders(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const holders = await db
    .selectDistinct({ userId: credentials.userId })
    .from(credentials)
    .where(
      and(eq(credentials.kind, "certification"), isNotNull(credentials.validUntil), isNull(credentials.revokedAt)),
    );
  let sent = 0;
  for (const { userId } of holders) {
    const standing = await standingOf(db, userId, ctx.clock.now());
    if (!standing) continue;
    const step = reminderStep(standing);
    if (step === null) continue;
    const { user } = await getMe(db, userId, null);
    await db.transaction(async (tx) => {
      const steps = standing.rules.reminderDays.filter((d) => d >= step);
      const rows = await tx
        .insert(cpdReminders)
        .values(
          steps.map((d) => ({
            credentialId: standing.credential.id,
            expiresOn: standing.recert.expiresOn,
            daysBefore: d,
            sentAt: ctx.clock.now(),
          })),
        )
        .onConflictDoNothing()
        .returning({ daysBefore: cpdReminders.daysBefore });
      if (!rows.some((r) => r.daysBefore === step)) return;
      const r = standing.recert;
      await ctx.mail.queue(tx as Tx, {
        to: user.email,
        subject: `Your ${standing.credential.title} expires on ${r.expiresOn}: ${hours(r.remainingMinutes)} of CPD to go`,
        text: [
          `Hello ${user.name},`,
          "",
          `Your ${standing.credential.title} certification expires on ${r.expiresOn} (${daysBetween(standing.today, r.expiresOn)} days from today).`,
          `You have ${hours(r.appliedMinutes)} of the ${hours(r.requiredMinutes)} of CPD this cycle needs; ${hours(r.remainingMinutes)} remain.`,
          standing.forecast.reachesOn
            ? `At your pace of the last 90 days you reach ${r.requiredMinutes / 60} h on ${standing.forecast.reachesOn}.`
            : "You have logged no CPD in the last 90 days.",
          "",
          `Your CPD dashboard: ${ctx.appUrl}/cpd`,
        ].join("\n"),
      });
      sent += 1;
    });
  }
  return sent;
}
