import { and, eq } from "drizzle-orm";
import { AppError, notFound } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import { BILLING_PAGES, type MySubscription, type SubscriptionView, type TestCheckoutView } from "../contract.js";
import { TEST_CARD } from "../providers/test-mode.js";
import { billingOf } from "../runtime.js";
import { billingEvents, subscriptions, testCheckouts } from "../schema.js";
import { invoiceNumber, invoicesOfUser } from "../store/invoices.js";
import { planById } from "../store/plans.js";
import {
  currentSubscriptionOf,
  liveSubscriptionOf,
  lockSubscription,
  type SubscriptionRow,
} from "../store/subscriptions.js";
import { accessUntil } from "../subscription-state.js";
import { applySubscriptionEvent } from "./apply.js";
import { personOf } from "./people.js";

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function view(ctx: AppContext, sub: SubscriptionRow): Promise<SubscriptionView> {
  const plan = await planById(ctx.database.db, sub.planId);
  if (!plan) throw notFound("Plan");
  const renews = sub.state === "active" || sub.state === "past_due";
  const until = accessUntil({ ...sub, period: 0, endedReason: null });
  return {
    id: sub.id,
    state: sub.state,
    plan: { id: plan.id, name: plan.name, accessKey: plan.accessKey },
    currentPeriodStart: iso(sub.currentPeriodStart),
    currentPeriodEnd: iso(sub.currentPeriodEnd),
    renewsAt: renews ? iso(sub.currentPeriodEnd) : null,
    renewalAmount: renews ? { amountMinor: plan.price.amountMinor, currency: plan.price.currency } : null,
    accessUntil: iso(until),
    graceEndsAt: iso(sub.graceEndsAt),
    endedAt: iso(sub.endedAt),
    paymentMethod: sub.cardLast4
      ? { brand: sub.cardBrand ?? "card", last4: sub.cardLast4, test: sub.provider === "test" }
      : null,
    provider: sub.provider,
  };
}

/** My Profile > Billing: the subscription (live, else the newest), receipts and invoices. */
export async function mySubscription(ctx: AppContext, actor: Actor): Promise<MySubscription> {
  const db = ctx.database.db;
  const sub = await currentSubscriptionOf(db, actor.userId);
  const shown = sub && sub.state !== "pending_payment" ? await view(ctx, sub) : null;
  const invoices = (await invoicesOfUser(db, actor.userId)).map((i) => ({
    id: i.id,
    number: invoiceNumber(i.sellerKey, i.number),
    kind: i.kind,
    status: i.status,
    issuedAt: i.issuedAt.toISOString(),
    total: { amountMinor: i.totalMinor, currency: i.currency },
    pdfUrl: `/api/me/invoices/${i.id}/pdf`,
  }));
  return { subscription: shown, invoices, testMode: billingOf(ctx).providers.testMode };
}

/** Starts a checkout for a plan; a person with a live subscription is told to manage that one (409). */
export async function startCheckout(ctx: AppContext, actor: Actor, planId: string): Promise<{ url: string }> {
  const db = ctx.database.db;
  const { providers } = billingOf(ctx);
  const plan = await planById(db, planId);
  if (!(plan?.active && plan.individual)) {
    throw new AppError("invalid_input", "There is no such plan to subscribe to.", {
      fields: { planId: "is not a plan you can subscribe to" },
    });
  }
  if (await liveSubscriptionOf(db, actor.userId)) {
    throw new AppError("conflict", "You already have a subscription: manage it in My Profile > Billing.");
  }
  const now = ctx.clock.now();
  const [pending] = await db
    .insert(subscriptions)
    .values({
      userId: actor.userId,
      planId: plan.id,
      priceId: plan.price.id,
      state: "pending_payment",
      provider: providers.card.name,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const sub = pending as SubscriptionRow;
  const person = await personOf(db, actor.userId);
  const session = await providers.card.createCheckout({
    subscriptionId: sub.id,
    customer: { userId: actor.userId, email: person.email, name: person.name },
    plan: { id: plan.id, name: plan.name, providerPriceId: plan.price.providerPriceId },
    price: { amountMinor: plan.price.amountMinor, currency: plan.price.currency },
    successUrl: `${ctx.appUrl}${BILLING_PAGES.billing}?checkout=done`,
    cancelUrl: `${ctx.appUrl}${BILLING_PAGES.choosePlan}`,
  });
  await db.transaction(async (tx) => {
    await tx
      .update(subscriptions)
      .set({ providerCheckoutId: session.providerCheckoutId })
      .where(eq(subscriptions.id, sub.id));
    if (providers.card.name === "test") {
      await tx
        .insert(testCheckouts)
        .values({ id: session.providerCheckoutId, subscriptionId: sub.id, userId: actor.userId, createdAt: now });
    }
  });
  return { url: session.url };
}

async function ownTestCheckout(ctx: AppContext, actor: Actor, checkoutId: string) {
  if (!billingOf(ctx).providers.testMode) throw notFound("Checkout");
  const [row] = await ctx.database.db
    .select()
    .from(testCheckouts)
    .where(and(eq(testCheckouts.id, checkoutId), eq(testCheckouts.userId, actor.userId)));
  if (!row) throw notFound("Checkout");
  return row;
}

export async function testCheckoutView(ctx: AppContext, actor: Actor, checkoutId: string): Promise<TestCheckoutView> {
  const checkout = await ownTestCheckout(ctx, actor, checkoutId);
  const [sub] = await ctx.database.db.select().from(subscriptions).where(eq(subscriptions.id, checkout.subscriptionId));
  const plan = sub ? await planById(ctx.database.db, sub.planId) : null;
  if (!sub || !plan) throw notFound("Checkout");
  return {
    id: checkout.id,
    plan: { name: plan.name },
    price: { amountMinor: plan.price.amountMinor, currency: plan.price.currency },
    completed: checkout.completedAt !== null,
  };
}

/**
 * Test mode's "payment": completes the checkout without a card, as a provider's "checkout completed" event
 * would (stored by id in the applying transaction, so a second click changes nothing).
 */
export async function completeTestCheckout(
  ctx: AppContext,
  actor: Actor,
  checkoutId: string,
  card: string = TEST_CARD.last4,
): Promise<{ url: string }> {
  const checkout = await ownTestCheckout(ctx, actor, checkoutId);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, checkout.subscriptionId);
    if (!sub) throw notFound("Checkout");
    const stored = await tx
      .insert(billingEvents)
      .values({
        provider: "test",
        eventId: `checkout.completed:${checkout.id}`,
        type: "checkout.completed",
        occurredAt: now,
        appliedAt: now,
        subscriptionId: sub.id,
        outcome: "applied",
        payload: { checkoutId: checkout.id, card },
      })
      .onConflictDoNothing()
      .returning({ id: billingEvents.eventId });
    if (stored.length === 0) return;
    if (sub.state !== "pending_payment") throw new AppError("conflict", "This checkout is no longer open.");
    if (await liveSubscriptionOf(tx, actor.userId)) {
      throw new AppError("conflict", "You already have a subscription: manage it in My Profile > Billing.");
    }
    await applySubscriptionEvent(
      ctx,
      tx,
      sub,
      { type: "payment_succeeded", at: now },
      {
        provider: "test",
        providerPaymentId: `test_checkout_${checkout.id}`,
        method: TEST_CARD.method,
        cardBrand: TEST_CARD.brand,
        cardLast4: card,
      },
    );
    await tx.update(testCheckouts).set({ completedAt: now }).where(eq(testCheckouts.id, checkout.id));
  });
  return { url: `${BILLING_PAGES.billing}?checkout=done` };
}

async function changeLive(ctx: AppContext, actor: Actor, type: "cancel" | "resume"): Promise<SubscriptionView> {
  const live = await liveSubscriptionOf(ctx.database.db, actor.userId);
  if (!live) throw new AppError("conflict", "You have no subscription to change.");
  const { providers } = billingOf(ctx);
  await ctx.database.db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, live.id);
    if (!sub) throw notFound("Subscription");
    await applySubscriptionEvent(ctx, tx, sub, { type, at: ctx.clock.now() });
    // The provider is told inside the transaction: if it refuses, Pulse's state does not change either.
    const ref = {
      subscriptionId: sub.id,
      providerSubscriptionId: sub.providerSubscriptionId,
      cardLast4: sub.cardLast4,
    };
    if (type === "cancel") await providers.card.cancelAtPeriodEnd(ref);
    else await providers.card.resume(ref);
  });
  const after = await liveSubscriptionOf(ctx.database.db, actor.userId);
  return view(ctx, after ?? ((await currentSubscriptionOf(ctx.database.db, actor.userId)) as SubscriptionRow));
}

/** Cancel in My Profile: no renewal, access until the paid period ends, "Resume" until then. */
export const cancelMySubscription = (ctx: AppContext, actor: Actor) => changeLive(ctx, actor, "cancel");
export const resumeMySubscription = (ctx: AppContext, actor: Actor) => changeLive(ctx, actor, "resume");
