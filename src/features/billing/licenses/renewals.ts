import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { AppContext } from "../../../platform/context.js";
import type { Tx } from "../../../platform/db/database.js";
import { organizationNames } from "../../accounts/organizations/service.js";
import { billingOf } from "../runtime.js";
import { discountTiers, licensePools, quotes, seatAssignments } from "../schema.js";
import { createInvoice } from "../store/invoices.js";
import { planById } from "../store/plans.js";
import { discountBpsFor, seatPrice, termEnd } from "./pricing.js";
import { refreshPoolEntitlements } from "./seats.js";

const DAY = 86_400_000;
/** The renewal invoice of a pool is issued this many days before its term ends (net 30: due at the end). */
export const RENEWAL_INVOICE_DAYS = 30;
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Issues each pool's renewal invoice once, 30 days before its term ends: the pool row is locked and
 * `renewal_invoice_id` re-read first, so a job run twice (or two processes) issues one invoice.
 */
export async function issueRenewalInvoices(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const due = await db
    .select({ id: licensePools.id })
    .from(licensePools)
    .where(
      and(
        isNull(licensePools.renewalInvoiceId),
        gt(licensePools.endsAt, now),
        lte(licensePools.endsAt, new Date(now.getTime() + RENEWAL_INVOICE_DAYS * DAY)),
      ),
    );
  let issued = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [pool] = await tx.select().from(licensePools).where(eq(licensePools.id, id)).for("update");
      if (!pool || pool.renewalInvoiceId) return false;
      const plan = await planById(tx, pool.planId);
      if (!plan) return false;
      const discountBps = discountBpsFor(await tx.select().from(discountTiers), pool.seats);
      const price = seatPrice({ seats: pool.seats, unitAmountMinor: plan.price.amountMinor, months: 12, discountBps });
      const orgName = (await organizationNames(tx, [pool.orgId])).get(pool.orgId);
      const [quote] = await tx
        .insert(quotes)
        .values({
          orgId: pool.orgId,
          kind: "renewal",
          planId: plan.id,
          poolId: pool.id,
          seats: pool.seats,
          currency: plan.price.currency,
          unitAmountMinor: plan.price.amountMinor,
          discountBps,
          months: 12,
          totalMinor: price.totalMinor,
          status: "accepted",
          validUntil: pool.endsAt,
          acceptedAt: now,
          createdAt: now,
        })
        .returning();
      const q = quote as typeof quotes.$inferSelect;
      const next = termEnd(pool.endsAt);
      const invoice = await createInvoice(tx, {
        orgId: pool.orgId,
        kind: "invoice",
        status: "open",
        seller: billingOf(ctx).settings.seller,
        buyer: { name: orgName ?? "Organization" },
        currency: q.currency,
        lines: [
          {
            description: `${plan.name} seats, renewal (${ymd(pool.endsAt)} to ${ymd(next)})`,
            quantity: pool.seats,
            unitAmountMinor: plan.price.amountMinor,
            planId: plan.id,
            periodStart: pool.endsAt,
            periodEnd: next,
          },
        ],
        discountMinor: price.discountMinor,
        issuedAt: now,
        dueAt: new Date(now.getTime() + 30 * DAY),
        provider: "manual",
        quoteId: q.id,
      });
      await tx.update(quotes).set({ invoiceId: invoice.id }).where(eq(quotes.id, q.id));
      await tx
        .update(licensePools)
        .set({ renewalInvoiceId: invoice.id, updatedAt: now })
        .where(eq(licensePools.id, pool.id));
      return true;
    });
    if (done) issued += 1;
  }
  return issued;
}

/** A paid renewal opens the next term's pool; the seats held at payment carry over to it. */
export async function openRenewedPool(tx: Tx, quote: typeof quotes.$inferSelect, invoiceId: string, now: Date) {
  const [old] = await tx
    .select()
    .from(licensePools)
    .where(eq(licensePools.id, quote.poolId as string))
    .for("update");
  if (!old) throw new Error(`pool ${quote.poolId} is missing`);
  const [pool] = await tx
    .insert(licensePools)
    .values({
      orgId: old.orgId,
      planId: old.planId,
      seats: quote.seats,
      startsAt: old.endsAt,
      endsAt: termEnd(old.endsAt),
      invoiceId,
      renewsPoolId: old.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const renewed = pool as typeof licensePools.$inferSelect;
  const held = await tx
    .select()
    .from(seatAssignments)
    .where(and(eq(seatAssignments.poolId, old.id), isNull(seatAssignments.freedAt)));
  if (held.length > 0) {
    await tx.insert(seatAssignments).values(
      held.slice(0, renewed.seats).map((s) => ({
        orgId: s.orgId,
        poolId: renewed.id,
        userId: s.userId,
        invitedEmail: s.invitedEmail,
        assignedAt: now,
        assignedBy: s.assignedBy,
      })),
    );
  }
  await refreshPoolEntitlements(tx, renewed.id, now);
  return renewed.id;
}
