import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db/database.js";
import { subscriptionPeriods, subscriptions } from "../schema.js";
import type { EndedReason, SubscriptionSnapshot } from "../subscription-state.js";

export type SubscriptionRow = typeof subscriptions.$inferSelect;

const LIVE = ["active", "cancel_scheduled", "past_due"] as const;

/** The person's live subscription, else their newest one. */
export async function currentSubscriptionOf(db: Db, userId: string): Promise<SubscriptionRow | null> {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.userId, userId))
    .orderBy(
      sql`case when ${subscriptions.state} in ('active', 'cancel_scheduled', 'past_due') then 0 else 1 end`,
      desc(subscriptions.updatedAt),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function liveSubscriptionOf(db: Db, userId: string): Promise<SubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.state, [...LIVE])));
  return row ?? null;
}

/** Locks the subscription row for the transaction (every state change takes this first). */
export async function lockSubscription(tx: Tx, id: string): Promise<SubscriptionRow | null> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).for("update");
  return row ?? null;
}

export async function periodCount(db: Db, subscriptionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(subscriptionPeriods)
    .where(eq(subscriptionPeriods.subscriptionId, subscriptionId));
  return row?.n ?? 0;
}

export async function periodsOf(db: Db, subscriptionId: string) {
  return db
    .select()
    .from(subscriptionPeriods)
    .where(eq(subscriptionPeriods.subscriptionId, subscriptionId))
    .orderBy(asc(subscriptionPeriods.number));
}

export function snapshotOf(row: SubscriptionRow, period: number): SubscriptionSnapshot {
  return {
    state: row.state,
    period,
    currentPeriodStart: row.currentPeriodStart,
    currentPeriodEnd: row.currentPeriodEnd,
    graceEndsAt: row.graceEndsAt,
    endedAt: row.endedAt,
    endedReason: row.endedReason as EndedReason | null,
  };
}

export async function saveSnapshot(tx: Tx, id: string, s: SubscriptionSnapshot, now: Date): Promise<void> {
  await tx
    .update(subscriptions)
    .set({
      state: s.state,
      currentPeriodStart: s.currentPeriodStart,
      currentPeriodEnd: s.currentPeriodEnd,
      graceEndsAt: s.graceEndsAt,
      endedAt: s.endedAt,
      endedReason: s.endedReason,
      updatedAt: now,
    })
    .where(eq(subscriptions.id, id));
}

/** Ids of subscriptions the renewal job should look at now (reminders, renewals, ends). */
export async function subscriptionsToVisit(db: Db, reminderHorizon: Date): Promise<string[]> {
  const rows = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      sql`(${subscriptions.state} in ('active', 'cancel_scheduled') and ${subscriptions.currentPeriodEnd} <= ${reminderHorizon.toISOString()}::timestamptz)
        or (${subscriptions.state} = 'past_due')`,
    )
    .orderBy(asc(subscriptions.currentPeriodEnd));
  return rows.map((r) => r.id);
}
