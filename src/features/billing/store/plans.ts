import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { plans, prices } from "../schema.js";

export type PlanWithPrice = typeof plans.$inferSelect & { price: typeof prices.$inferSelect };

const withPrice = (db: Db) =>
  db
    .select({ plan: plans, price: prices })
    .from(plans)
    .innerJoin(prices, and(eq(prices.planId, plans.id), isNull(prices.activeUntil)));

/** Active plans with their current price, in display order. */
export async function listPlans(db: Db): Promise<PlanWithPrice[]> {
  const rows = await withPrice(db).where(eq(plans.active, true)).orderBy(asc(plans.position), asc(plans.name));
  return rows.map((r) => ({ ...r.plan, price: r.price }));
}

export async function planById(db: Db, planId: string): Promise<PlanWithPrice | null> {
  const [row] = await withPrice(db).where(eq(plans.id, planId));
  return row ? { ...row.plan, price: row.price } : null;
}

export async function priceById(db: Db, priceId: string) {
  const [row] = await db.select().from(prices).where(eq(prices.id, priceId));
  return row ?? null;
}

/** Staff set a new price: the current row closes now, a new one opens (subscriptions renew at the new one). */
export async function setPlanPrice(
  db: Db,
  input: { planId: string; amountMinor: number; currency: string; setBy: string; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(prices)
      .set({ activeUntil: input.now })
      .where(and(eq(prices.planId, input.planId), isNull(prices.activeUntil)));
    await tx.insert(prices).values({
      planId: input.planId,
      amountMinor: input.amountMinor,
      currency: input.currency,
      activeFrom: input.now,
      setBy: input.setBy,
      createdAt: input.now,
    });
  });
}
