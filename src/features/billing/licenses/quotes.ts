import { and, eq } from "drizzle-orm";
import { AppError, notFound } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import type { Tx } from "../../../platform/db/database.js";
import { organizationNames } from "../../accounts/organizations/service.js";
import { billingOf } from "../runtime.js";
import { discountTiers, invoices, licensePools, payments, quotes } from "../schema.js";
import { createInvoice, invoiceNumber } from "../store/invoices.js";
import { planById } from "../store/plans.js";
import type { Quote } from "./contract.js";
import { discountBpsFor, monthsLeft, seatPrice, termEnd } from "./pricing.js";
import { openRenewedPool } from "./renewals.js";
import { refreshPoolEntitlements } from "./seats.js";
import { quoteViews } from "./views.js";

const DAY = 86_400_000;
/** A quote holds its price this long; an invoice is due 30 days after it is issued (net 30). */
export const QUOTE_VALID_DAYS = 30;
export const NET_DAYS = 30;

const ymd = (d: Date) => d.toISOString().slice(0, 10);

async function lockedPool(tx: Tx, orgId: string, poolId: string) {
  const [pool] = await tx
    .select()
    .from(licensePools)
    .where(and(eq(licensePools.id, poolId), eq(licensePools.orgId, orgId)))
    .for("update");
  return pool ?? null;
}

/** A quote for N seats of a plan: a new one-year pool, or seats added to a pool's term (whole months). */
export async function createQuote(
  ctx: AppContext,
  orgId: string,
  userId: string,
  input: { planId: string; seats: number; poolId?: string },
): Promise<Quote> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const plan = await planById(db, input.planId);
  if (!plan?.active) {
    throw new AppError("invalid_input", "There is no such plan.", { fields: { planId: "is not a plan on sale" } });
  }
  let months = 12;
  if (input.poolId) {
    const [pool] = await db
      .select()
      .from(licensePools)
      .where(and(eq(licensePools.id, input.poolId), eq(licensePools.orgId, orgId)));
    if (!pool) throw notFound("License pool");
    if (pool.planId !== plan.id) {
      throw new AppError("invalid_input", "Seats added to a pool are of its plan.", {
        fields: { planId: "is not this pool's plan" },
      });
    }
    months = monthsLeft(now, pool.endsAt);
    if (months === 0) throw new AppError("conflict", "This pool's term has ended: ask for a new one.");
  }
  const tiers = await db.select().from(discountTiers);
  const discountBps = discountBpsFor(tiers, input.seats);
  const price = seatPrice({ seats: input.seats, unitAmountMinor: plan.price.amountMinor, months, discountBps });
  const [row] = await db
    .insert(quotes)
    .values({
      orgId,
      kind: input.poolId ? "add_seats" : "new_pool",
      planId: plan.id,
      poolId: input.poolId ?? null,
      seats: input.seats,
      currency: plan.price.currency,
      unitAmountMinor: plan.price.amountMinor,
      discountBps,
      months,
      totalMinor: price.totalMinor,
      status: "open",
      validUntil: new Date(now.getTime() + QUOTE_VALID_DAYS * DAY),
      requestedBy: userId,
      createdAt: now,
    })
    .returning();
  return (await quoteViews(db, [row as typeof quotes.$inferSelect]))[0] as Quote;
}

/** Accepting a quote with a PO number issues the invoice (sequential number, seller, buyer, net 30). */
export async function acceptQuote(
  ctx: AppContext,
  orgId: string,
  userId: string,
  quoteId: string,
  poNumber: string,
): Promise<Quote> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const { settings, providers } = billingOf(ctx);
  const invoiceProvider = providers.invoices;
  const accepted = await db.transaction(async (tx) => {
    const [quote] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, quoteId), eq(quotes.orgId, orgId)))
      .for("update");
    if (!quote) throw notFound("Quote");
    if (quote.status !== "open") throw new AppError("conflict", "This quote was already accepted or has closed.");
    if (quote.validUntil <= now) throw new AppError("conflict", "This quote has expired: ask for a new one.");
    const plan = await planById(tx, quote.planId);
    const orgName = (await organizationNames(tx, [orgId])).get(orgId);
    const start = now;
    const pool = quote.poolId ? await lockedPool(tx, orgId, quote.poolId) : null;
    const end = pool ? pool.endsAt : termEnd(start);
    const unit = Math.round((quote.unitAmountMinor * quote.months) / 12);
    const subtotal = unit * quote.seats;
    const line = {
      description: `${plan?.name ?? "Plan"} seats, ${quote.months} month${quote.months === 1 ? "" : "s"} (${ymd(start)} to ${ymd(end)})`,
      quantity: quote.seats,
      unitAmountMinor: unit,
    };
    const invoice = await createInvoice(tx, {
      orgId,
      kind: "invoice",
      status: "open",
      seller: settings.seller,
      buyer: { name: orgName ?? "Organization" },
      poNumber,
      currency: quote.currency,
      lines: [
        {
          ...line,
          planId: quote.planId,
          periodStart: start,
          periodEnd: end,
        },
      ],
      discountMinor: subtotal - quote.totalMinor,
      issuedAt: now,
      dueAt: new Date(now.getTime() + NET_DAYS * DAY),
      provider: "manual",
      quoteId: quote.id,
    });
    const [row] = await tx
      .update(quotes)
      .set({ status: "accepted", acceptedBy: userId, acceptedAt: now, poNumber, invoiceId: invoice.id })
      .where(eq(quotes.id, quote.id))
      .returning();
    return { quote: row as typeof quotes.$inferSelect, invoice, line: { ...line, amountMinor: subtotal } };
  });
  const issued = await invoiceProvider.issueInvoice({
    invoiceId: accepted.invoice.id,
    number: invoiceNumber(accepted.invoice.sellerKey, accepted.invoice.number),
    poNumber,
    buyer: accepted.invoice.buyer,
    seller: accepted.invoice.seller,
    lines: [accepted.line],
    total: { amountMinor: accepted.invoice.totalMinor, currency: accepted.invoice.currency },
    dueAt: accepted.invoice.dueAt,
  });
  if (issued.providerInvoiceId) {
    // The provider's invoice (Stripe) is the one reported paid by webhook: keep its id beside Pulse's.
    await db
      .update(invoices)
      .set({ provider: invoiceProvider.name, providerInvoiceId: issued.providerInvoiceId })
      .where(eq(invoices.id, accepted.invoice.id));
  }
  return (await quoteViews(db, [accepted.quote]))[0] as Quote;
}

/** How a team invoice was paid: recorded by staff (manual), or reported paid by the provider (Stripe). */
export type InvoicePaymentFacts = {
  provider: "manual" | "stripe";
  providerPaymentId?: string | null;
  method: string;
  recordedBy: string | null;
  reference?: string | null;
};

/** A team invoice (an organization's, from a quote) locked for update; null when there is none. */
export async function lockTeamInvoice(tx: Tx, invoiceId: string) {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  return invoice?.orgId && invoice.kind === "invoice" && invoice.quoteId ? invoice : null;
}

/**
 * Marks a locked, open team invoice paid and opens its quote's seats: a pool of one year from now (a new
 * pool), seats joining the pool's term (seats added mid-term), or the next term (a renewal). The one path
 * for a staff-recorded payment and a Stripe `invoice.paid` event.
 */
export async function applyInvoicePayment(
  tx: Tx,
  invoice: typeof invoices.$inferSelect,
  facts: InvoicePaymentFacts,
  now: Date,
): Promise<{ poolId: string }> {
  if (!(invoice.orgId && invoice.quoteId)) throw notFound("Invoice");
  if (invoice.status !== "open") throw new AppError("conflict", "This invoice is not open: it was paid or voided.");
  const [quote] = await tx.select().from(quotes).where(eq(quotes.id, invoice.quoteId));
  if (!quote) throw notFound("Quote");
  await tx.update(invoices).set({ status: "paid", paidAt: now }).where(eq(invoices.id, invoice.id));
  await tx.insert(payments).values({
    orgId: invoice.orgId,
    invoiceId: invoice.id,
    status: "succeeded",
    amountMinor: invoice.totalMinor,
    currency: invoice.currency,
    provider: facts.provider,
    providerPaymentId: facts.providerPaymentId ?? null,
    method: facts.method,
    recordedBy: facts.recordedBy,
    reference: facts.reference ?? null,
    occurredAt: now,
  });
  if (quote.kind === "renewal") return { poolId: await openRenewedPool(tx, quote, invoice.id, now) };
  if (quote.poolId) {
    const pool = await lockedPool(tx, invoice.orgId, quote.poolId);
    if (!pool) throw notFound("License pool");
    await tx
      .update(licensePools)
      .set({ seats: pool.seats + quote.seats, updatedAt: now })
      .where(eq(licensePools.id, pool.id));
    return { poolId: pool.id };
  }
  const [pool] = await tx
    .insert(licensePools)
    .values({
      orgId: invoice.orgId,
      planId: quote.planId,
      seats: quote.seats,
      startsAt: now,
      endsAt: termEnd(now),
      invoiceId: invoice.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await refreshPoolEntitlements(tx, (pool as typeof licensePools.$inferSelect).id, now);
  return { poolId: (pool as typeof licensePools.$inferSelect).id };
}

/**
 * Staff record the payment of a team invoice: the invoice is paid and its quote's seats become a pool of
 * one year from now (a new pool) or join the pool's term (seats added mid-term). Twice is refused (409).
 */
export async function recordInvoicePayment(
  ctx: AppContext,
  staffId: string,
  invoiceId: string,
  input: { method: string; reference?: string },
): Promise<{ poolId: string }> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const invoice = await lockTeamInvoice(tx, invoiceId);
    if (!invoice) throw notFound("Invoice");
    return applyInvoicePayment(
      tx,
      invoice,
      { provider: "manual", method: input.method, recordedBy: staffId, reference: input.reference ?? null },
      now,
    );
  });
}
