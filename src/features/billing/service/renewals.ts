import { desc, eq } from "drizzle-orm";
import type { AppContext } from "../../../platform/context.js";
import { billingMails } from "../mails.js";
import { billingOf } from "../runtime.js";
import { reminderSends, subscriptionPeriods } from "../schema.js";
import { planById } from "../store/plans.js";
import { lockSubscription, periodCount, snapshotOf, subscriptionsToVisit } from "../store/subscriptions.js";
import { addDays, reminderDue, reminderKind, renewalDue, transition } from "../subscription-state.js";
import { applySubscriptionEvent } from "./apply.js";
import { personOf } from "./people.js";

export type RenewalRun = { reminders: number; renewed: number; failed: number; ended: number };

/**
 * The renewal job: per subscription due for something, one transaction under the subscription's row lock,
 * which re-reads the state, so two runs at once (or one run twice) do each thing once. Reminders are
 * stored in billing_reminder_sends (unique per subscription, period and kind) with their mail.
 * Providers that renew themselves (Stripe) are only reminded and ended here; their payments arrive as events.
 */
export async function runRenewals(ctx: AppContext): Promise<RenewalRun> {
  const { settings, providers } = billingOf(ctx);
  const now = ctx.clock.now();
  const horizon = addDays(now, Math.max(0, ...settings.reminderDays));
  const run: RenewalRun = { reminders: 0, renewed: 0, failed: 0, ended: 0 };
  for (const id of await subscriptionsToVisit(ctx.database.db, horizon)) {
    await ctx.database.db.transaction(async (tx) => {
      const sub = await lockSubscription(tx, id);
      if (!sub) return;
      const snapshot = snapshotOf(sub, await periodCount(tx, sub.id));
      const tick = transition(snapshot, { type: "tick", at: now }, settings);
      if (tick.ok && tick.next.state !== snapshot.state) {
        await applySubscriptionEvent(ctx, tx, sub, { type: "tick", at: now });
        run.ended++;
        return;
      }
      if (renewalDue(snapshot, now)) {
        if (providers.card.renewsItself && sub.provider === providers.card.name) return;
        const plan = await planById(tx, sub.planId);
        if (!plan) return;
        const charge = await providers.card.chargeRenewal(
          { subscriptionId: sub.id, providerSubscriptionId: sub.providerSubscriptionId, cardLast4: sub.cardLast4 },
          { amountMinor: plan.price.amountMinor, currency: plan.price.currency },
        );
        if (charge.ok) {
          await applySubscriptionEvent(
            ctx,
            tx,
            sub,
            { type: "payment_succeeded", at: now },
            {
              provider: sub.provider,
              providerPaymentId: charge.providerPaymentId,
              method: charge.method,
              cardBrand: charge.cardBrand,
              cardLast4: charge.cardLast4,
            },
          );
          run.renewed++;
        } else {
          await applySubscriptionEvent(
            ctx,
            tx,
            sub,
            { type: "payment_failed", at: now },
            {
              provider: sub.provider,
              providerPaymentId: null,
              method: sub.provider === "test" ? "test_card" : "card",
              cardBrand: sub.cardBrand,
              cardLast4: sub.cardLast4,
              failureReason: charge.reason,
            },
          );
          run.failed++;
        }
        return;
      }
      const days = reminderDue(snapshot, now, settings.reminderDays);
      if (days === null || !sub.currentPeriodEnd) return;
      const [period] = await tx
        .select({ id: subscriptionPeriods.id })
        .from(subscriptionPeriods)
        .where(eq(subscriptionPeriods.subscriptionId, sub.id))
        .orderBy(desc(subscriptionPeriods.number))
        .limit(1);
      if (!period) return;
      const sent = await tx
        .insert(reminderSends)
        .values({ subscriptionId: sub.id, periodId: period.id, kind: reminderKind(days), sentAt: now })
        .onConflictDoNothing()
        .returning({ kind: reminderSends.kind });
      if (sent.length === 0) return;
      const plan = await planById(tx, sub.planId);
      if (!plan) return;
      await ctx.mail.queue(
        tx,
        billingMails.reminder({
          person: await personOf(tx, sub.userId),
          planName: plan.name,
          amountMinor: plan.price.amountMinor,
          currency: plan.price.currency,
          periodEnd: sub.currentPeriodEnd,
          appUrl: ctx.appUrl,
          testMode: !providers.card.movesMoney,
        }),
      );
      run.reminders++;
    });
  }
  return run;
}
