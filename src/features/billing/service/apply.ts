import { eq, sql } from "drizzle-orm";
import { AppError } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import type { Tx } from "../../../platform/db/database.js";
import { setSourceEntitlement } from "../entitlements.js";
import { billingMails } from "../mails.js";
import { billingOf } from "../runtime.js";
import { type ProviderName, payments, subscriptionPeriods, subscriptions } from "../schema.js";
import { createInvoice, invoiceNumber } from "../store/invoices.js";
import { planById, priceById } from "../store/plans.js";
import { periodCount, type SubscriptionRow, saveSnapshot, snapshotOf } from "../store/subscriptions.js";
import { accessUntil, type SubscriptionEvent, type Transition, transition } from "../subscription-state.js";
import { personOf } from "./people.js";

export type PaymentFacts = {
  provider: ProviderName;
  providerPaymentId: string | null;
  method: string;
  cardBrand: string | null;
  cardLast4: string | null;
  failureReason?: string;
};

/**
 * Applies one event to a subscription the caller has locked in `tx`: the state machine decides, then this
 * writes what it says (a period row per paid year, the payment, a receipt, the entitlement as an absolute
 * state, the mail) in the same transaction. A refused transition throws 409 and writes nothing.
 */
export async function applySubscriptionEvent(
  ctx: AppContext,
  tx: Tx,
  sub: SubscriptionRow,
  event: SubscriptionEvent,
  payment?: PaymentFacts,
): Promise<Extract<Transition, { ok: true }>> {
  const { settings, providers } = billingOf(ctx);
  const now = ctx.clock.now();
  const t = transition(snapshotOf(sub, await periodCount(tx, sub.id)), event, settings);
  if (!t.ok) throw new AppError("conflict", t.reason);
  const plan = await planById(tx, sub.planId);
  if (!plan) throw new Error(`plan ${sub.planId} is missing`);
  const person = await personOf(tx, sub.userId);
  let receiptNumber: string | undefined;
  // The first year is charged at the price chosen at checkout; each renewal at the plan's price then.
  let price = (await priceById(tx, sub.priceId)) ?? plan.price;

  if (event.type === "payment_failed" && payment) {
    await tx.insert(payments).values({
      userId: sub.userId,
      subscriptionId: sub.id,
      status: "failed",
      amountMinor: plan.price.amountMinor,
      currency: plan.price.currency,
      provider: payment.provider,
      providerPaymentId: payment.providerPaymentId,
      method: payment.method,
      cardBrand: payment.cardBrand,
      cardLast4: payment.cardLast4,
      failureReason: payment.failureReason ?? "declined",
      occurredAt: now,
    });
  }
  for (const effect of t.effects) {
    if (effect.kind !== "open_period") continue;
    if (effect.number > 1) price = plan.price;
    const [paid] = await tx
      .insert(payments)
      .values({
        userId: sub.userId,
        subscriptionId: sub.id,
        status: "succeeded",
        amountMinor: price.amountMinor,
        currency: price.currency,
        provider: payment?.provider ?? sub.provider,
        providerPaymentId: payment?.providerPaymentId ?? null,
        method: payment?.method ?? "card",
        cardBrand: payment?.cardBrand ?? null,
        cardLast4: payment?.cardLast4 ?? null,
        occurredAt: now,
      })
      .returning({ id: payments.id });
    const receipt = await createInvoice(tx, {
      userId: sub.userId,
      kind: "receipt",
      status: "paid",
      seller: settings.seller,
      buyer: { name: person.name, email: person.email },
      currency: price.currency,
      lines: [
        {
          description: `${plan.name}, one year (${effect.startsAt.toISOString().slice(0, 10)} to ${effect.endsAt.toISOString().slice(0, 10)})`,
          quantity: 1,
          unitAmountMinor: price.amountMinor,
          planId: plan.id,
          periodStart: effect.startsAt,
          periodEnd: effect.endsAt,
        },
      ],
      issuedAt: now,
      dueAt: now,
      paidAt: now,
      provider: payment?.provider ?? sub.provider,
      subscriptionId: sub.id,
    });
    await tx
      .update(payments)
      .set({ invoiceId: receipt.id })
      .where(eq(payments.id, paid?.id as string));
    receiptNumber = invoiceNumber(receipt.sellerKey, receipt.number);
    await tx.insert(subscriptionPeriods).values({
      subscriptionId: sub.id,
      number: effect.number,
      startsAt: effect.startsAt,
      endsAt: effect.endsAt,
      amountMinor: price.amountMinor,
      currency: price.currency,
      paymentId: paid?.id ?? null,
      createdAt: now,
    });
    await tx
      .update(subscriptions)
      .set({
        priceId: price.id,
        ...(payment?.cardLast4 ? { cardBrand: payment.cardBrand, cardLast4: payment.cardLast4 } : {}),
      })
      .where(eq(subscriptions.id, sub.id));
  }
  await saveSnapshot(tx, sub.id, t.next, now);

  if (t.next.period >= 1) {
    const [first] = await tx
      .select({ startsAt: sql<Date>`min(${subscriptionPeriods.startsAt})` })
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.subscriptionId, sub.id));
    const startsAt = first?.startsAt ? new Date(first.startsAt) : now;
    const endsAt = accessUntil(t.next) ?? t.next.endedAt ?? now;
    await setSourceEntitlement(tx, {
      userId: sub.userId,
      accessKey: plan.accessKey,
      planId: plan.id,
      source: "subscription",
      sourceId: sub.id,
      startsAt,
      endsAt: endsAt < startsAt ? startsAt : endsAt,
      now,
    });
  }

  const facts = {
    person,
    planName: plan.name,
    amountMinor: (t.next.period > 0 ? plan.price : price).amountMinor,
    currency: plan.price.currency,
    periodEnd: t.next.currentPeriodEnd,
    graceEndsAt: t.next.graceEndsAt,
    appUrl: ctx.appUrl,
    testMode: !providers.card.movesMoney,
    receiptNumber,
  };
  for (const effect of t.effects) {
    if (effect.kind === "mail") {
      const m = billingMails[effect.mail]({
        ...facts,
        amountMinor: effect.mail === "activated" || effect.mail === "renewed" ? price.amountMinor : facts.amountMinor,
      });
      await ctx.mail.queue(tx, m);
    }
  }
  return t;
}
