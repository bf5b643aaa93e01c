import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { AppError } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import type { Tx } from "../../../platform/db/database.js";
import { applyInvoicePayment, lockTeamInvoice } from "../licenses/quotes.js";
import { PULSE_INVOICE_KEY } from "../providers/stripe.js";
import { billingEvents, invoices, subscriptions } from "../schema.js";
import { applySubscriptionEvent, type PaymentFacts } from "../service/apply.js";
import { lockSubscription, type SubscriptionRow } from "../store/subscriptions.js";
import type { SubscriptionEvent } from "../subscription-state.js";
import { factsOf, HANDLED_EVENTS } from "./stripe-facts.js";

/** applied; stale (older than the last applied to that subscription); ignored (not ours / nothing to do); duplicate. */
export type StripeEventOutcome = "applied" | "stale" | "ignored" | "duplicate";

const later = (a: Date, b: Date | null) => (b && b > a ? b : a);

async function findSubscription(tx: Tx, event: Stripe.Event): Promise<SubscriptionRow | null> {
  const facts = factsOf(event);
  if (facts.pulseSubscriptionId && /^[0-9a-f-]{36}$/i.test(facts.pulseSubscriptionId)) {
    const row = await lockSubscription(tx, facts.pulseSubscriptionId);
    if (row?.provider === "stripe") return row;
  }
  if (!facts.stripeSubscriptionId) return null;
  const [found] = await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(eq(subscriptions.provider, "stripe"), eq(subscriptions.providerSubscriptionId, facts.stripeSubscriptionId)),
    );
  return found ? lockSubscription(tx, found.id) : null;
}

const stripePayment = (id: string, failureReason?: string): PaymentFacts => ({
  provider: "stripe",
  providerPaymentId: id,
  method: "card",
  cardBrand: null,
  cardLast4: null,
  ...(failureReason ? { failureReason } : {}),
});

/**
 * The state-machine events a Stripe event asks for, given the subscription as Pulse has it. States are
 * compared, not counted: an event whose state Pulse already has asks for nothing.
 */
function eventsFor(event: Stripe.Event, sub: SubscriptionRow, at: Date): [SubscriptionEvent, PaymentFacts?][] {
  switch (event.type) {
    case "checkout.session.completed": {
      const s = event.data.object;
      const paid = s.payment_status === "paid" || s.payment_status === "no_payment_required";
      if (!paid || sub.state !== "pending_payment") return [];
      const invoice = typeof s.invoice === "string" ? s.invoice : (s.invoice?.id ?? s.id);
      return [[{ type: "payment_succeeded", at }, stripePayment(invoice)]];
    }
    case "customer.subscription.updated": {
      const s = event.data.object;
      const wantsEnd = s.cancel_at_period_end || s.cancel_at !== null;
      if (wantsEnd && sub.state === "active") return [[{ type: "cancel", at }]];
      if (!wantsEnd && sub.state === "cancel_scheduled") return [[{ type: "resume", at }]];
      return [];
    }
    case "customer.subscription.deleted": {
      if (sub.state === "cancel_scheduled") return [[{ type: "tick", at: later(at, sub.currentPeriodEnd) }]];
      // Ended in Stripe before the period end: the paid year is kept (paid in full), no renewal follows.
      if (sub.state === "active" || sub.state === "past_due" || sub.state === "pending_payment") {
        return [[{ type: "cancel", at }]];
      }
      return [];
    }
    case "invoice.paid": {
      const i = event.data.object;
      if (i.billing_reason === "subscription_create" && sub.state === "pending_payment") {
        return [[{ type: "payment_succeeded", at }, stripePayment(i.id as string)]];
      }
      if (i.billing_reason !== "subscription_cycle") return [];
      if (sub.state !== "active" && sub.state !== "past_due") return [];
      // The renewal opens the year where the paid one ended (Stripe's invoice comes at that moment).
      return [[{ type: "payment_succeeded", at: later(at, sub.currentPeriodEnd) }, stripePayment(i.id as string)]];
    }
    case "invoice.payment_failed": {
      const i = event.data.object;
      if (i.billing_reason !== "subscription_cycle" || sub.state !== "active") return [];
      const reason = i.last_finalization_error?.message ?? "The card was declined.";
      return [
        [{ type: "payment_failed", at: later(at, sub.currentPeriodEnd) }, stripePayment(`${i.id}:${event.id}`, reason)],
      ];
    }
    default:
      return [];
  }
}

async function linkStripeIds(tx: Tx, sub: SubscriptionRow, event: Stripe.Event): Promise<void> {
  const facts = factsOf(event);
  const set: Partial<SubscriptionRow> = {};
  if (facts.stripeSubscriptionId && !sub.providerSubscriptionId)
    set.providerSubscriptionId = facts.stripeSubscriptionId;
  if (facts.stripeCustomerId && !sub.providerCustomerId) set.providerCustomerId = facts.stripeCustomerId;
  if (Object.keys(set).length > 0) await tx.update(subscriptions).set(set).where(eq(subscriptions.id, sub.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Pulse team invoice (purchase order) a paid Stripe invoice is: by its metadata, else by its Stripe id. */
async function findTeamInvoice(tx: Tx, event: Stripe.Event) {
  if (event.type !== "invoice.paid") return null;
  const i = event.data.object;
  const pulseId = i.metadata?.[PULSE_INVOICE_KEY];
  if (pulseId && UUID.test(pulseId)) return lockTeamInvoice(tx, pulseId);
  if (!i.id) return null;
  const [found] = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.provider, "stripe"), eq(invoices.providerInvoiceId, i.id)));
  return found ? lockTeamInvoice(tx, found.id) : null;
}

/**
 * Stores the event by its id with its outcome, linked to what it applies to; false when it was stored
 * before (a redelivery), so the caller does nothing.
 */
async function storeEvent(
  ctx: AppContext,
  tx: Tx,
  event: Stripe.Event,
  outcome: StripeEventOutcome,
  link: { invoiceId: string } | { subscriptionId: string | null },
): Promise<boolean> {
  const stored = await tx
    .insert(billingEvents)
    .values({
      provider: "stripe",
      eventId: event.id,
      type: event.type,
      occurredAt: new Date(event.created * 1000),
      appliedAt: ctx.clock.now(),
      ...link,
      outcome,
      payload: event as unknown as Record<string, unknown>,
    })
    .onConflictDoNothing()
    .returning({ id: billingEvents.eventId });
  return stored.length > 0;
}

/**
 * A Stripe invoice for a purchase order was paid: the same path as a payment staff record (the invoice is
 * paid, the seats open), in the transaction that stores the event. An invoice no longer open (staff
 * recorded the payment first, or it was voided) stores the event as ignored and changes nothing.
 */
async function applyTeamInvoicePaid(
  ctx: AppContext,
  tx: Tx,
  event: Stripe.Event,
  invoice: NonNullable<Awaited<ReturnType<typeof lockTeamInvoice>>>,
): Promise<StripeEventOutcome> {
  const outcome: StripeEventOutcome = invoice.status === "open" ? "applied" : "ignored";
  if (!(await storeEvent(ctx, tx, event, outcome, { invoiceId: invoice.id }))) return "duplicate";
  if (outcome !== "applied") return outcome;
  const stripeInvoiceId = (event.data.object as Stripe.Invoice).id as string;
  await applyInvoicePayment(
    tx,
    invoice,
    { provider: "stripe", providerPaymentId: stripeInvoiceId, method: "stripe_invoice", recordedBy: null },
    ctx.clock.now(),
  );
  return outcome;
}

/**
 * Applies one verified Stripe event in one transaction: the subscription row is locked, the event is
 * stored by id (a redelivery finds it and does nothing), an event created before the last one applied
 * to that subscription is stored as stale and changes nothing, and what it asks for goes through the
 * state machine (`applySubscriptionEvent`: periods, payments, receipts, entitlements as absolute states).
 * Resolves after the commit; a failure rolls everything back, the event included, so Stripe retries.
 */
export async function applyStripeEvent(ctx: AppContext, event: Stripe.Event): Promise<StripeEventOutcome> {
  const occurredAt = new Date(event.created * 1000);
  return ctx.database.db.transaction(async (tx) => {
    const teamInvoice = await findTeamInvoice(tx, event);
    if (teamInvoice) return applyTeamInvoicePaid(ctx, tx, event, teamInvoice);
    const handled = (HANDLED_EVENTS as readonly string[]).includes(event.type);
    const sub = handled ? await findSubscription(tx, event) : null;
    // A paid invoice only ever moves a subscription forward (the state machine opens a year only when one
    // is over; its payment id is unique), so a late one still counts; any other older event is stale.
    const movesForwardOnly = event.type === "invoice.paid";
    const stale = !movesForwardOnly && sub?.lastEventAt != null && occurredAt < sub.lastEventAt;
    const outcome: StripeEventOutcome = !sub ? "ignored" : stale ? "stale" : "applied";
    if (!(await storeEvent(ctx, tx, event, outcome, { subscriptionId: sub?.id ?? null }))) return "duplicate";
    if (!sub || outcome !== "applied") return outcome;

    await linkStripeIds(tx, sub, event);
    let current = sub;
    for (const [step, payment] of eventsFor(event, sub, occurredAt)) {
      try {
        await applySubscriptionEvent(ctx, tx, current, step, payment);
      } catch (error) {
        // A transition the state machine refuses writes nothing: the event is kept, the state stays.
        if (error instanceof AppError && error.code === "conflict") break;
        throw error;
      }
      current = (await lockSubscription(tx, sub.id)) ?? current;
    }
    await tx
      .update(subscriptions)
      .set({ lastEventAt: later(occurredAt, sub.lastEventAt) })
      .where(eq(subscriptions.id, sub.id));
    return outcome;
  });
}
