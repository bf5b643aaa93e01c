import type Stripe from "stripe";
import { AppError } from "../../../kernel/app-error.js";
import type { Money } from "../../../kernel/money.js";
import type { BillingProvider, CheckoutRequest, InvoiceRequest, ProviderSubscriptionRef } from "./provider.js";
import { type StripeSettings, stripeClient } from "./stripe-client.js";

/** Purchase orders are net 30. */
export const INVOICE_DAYS_UNTIL_DUE = 30;

/** The Stripe Price of a Pulse price: found by this lookup key (or the stored provider price id). */
export const priceLookupKey = (planId: string, price: Money): string =>
  `pulse_${planId}_${price.currency.toLowerCase()}_${price.amountMinor}_year`;

/** Metadata key carrying Pulse's subscription id on Stripe's checkout session and subscription. */
export const PULSE_SUBSCRIPTION_KEY = "pulse_subscription_id";
export const PULSE_INVOICE_KEY = "pulse_invoice_id";

function needsSubscription(ref: ProviderSubscriptionRef): string {
  if (!ref.providerSubscriptionId) {
    throw new AppError("rule_broken", "This subscription has no Stripe subscription yet (checkout not completed).");
  }
  return ref.providerSubscriptionId;
}

async function stripePriceFor(stripe: Stripe, plan: CheckoutRequest["plan"], price: Money): Promise<string> {
  if (plan.providerPriceId) return plan.providerPriceId;
  const lookupKey = priceLookupKey(plan.id, price);
  const found = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  const existing = found.data[0];
  if (existing) return existing.id;
  const created = await stripe.prices.create(
    {
      lookup_key: lookupKey,
      currency: price.currency.toLowerCase(),
      unit_amount: price.amountMinor,
      recurring: { interval: "year", interval_count: 1 },
      product_data: { name: plan.name, metadata: { pulse_plan_id: plan.id } },
    },
    { idempotencyKey: `pulse-price-${lookupKey}` },
  );
  return created.id;
}

async function customerFor(stripe: Stripe, buyer: InvoiceRequest["buyer"]): Promise<string> {
  if (buyer.email) {
    const found = await stripe.customers.list({ email: buyer.email, limit: 1 });
    if (found.data[0]) return found.data[0].id;
  }
  const created = await stripe.customers.create({
    name: buyer.name,
    ...(buyer.email ? { email: buyer.email } : {}),
    ...(buyer.addressLines?.length
      ? { address: { line1: buyer.addressLines[0], line2: buyer.addressLines.slice(1).join(", ") || undefined } }
      : {}),
  });
  return created.id;
}

/**
 * Stripe: Checkout in subscription mode for individuals (a yearly Price per plan and price), cancel and
 * resume as `cancel_at_period_end`, purchase-order invoices with `send_invoice` collection, net 30.
 * Stripe renews by itself and reports it by webhook (`webhooks/`); Pulse's renewal job only waits.
 */
export function createStripeProvider(
  settings: StripeSettings,
  client: Stripe = stripeClient(settings),
): BillingProvider {
  const stripe = client;
  return {
    name: "stripe",
    movesMoney: true,
    renewsItself: true,
    supports: { cardCheckout: true, invoices: true },

    async createCheckout(request) {
      const price = await stripePriceFor(stripe, request.plan, request.price);
      const metadata = { [PULSE_SUBSCRIPTION_KEY]: request.subscriptionId, pulse_user_id: request.customer.userId };
      const session = await stripe.checkout.sessions.create(
        {
          mode: "subscription",
          line_items: [{ price, quantity: 1 }],
          customer_email: request.customer.email,
          client_reference_id: request.subscriptionId,
          metadata,
          subscription_data: { metadata },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: `pulse-checkout-${request.subscriptionId}` },
      );
      if (!session.url) throw new Error(`Stripe checkout session ${session.id} has no url`);
      return { url: session.url, providerCheckoutId: session.id };
    },

    async cancelAtPeriodEnd(ref) {
      await stripe.subscriptions.update(needsSubscription(ref), { cancel_at_period_end: true });
    },

    async resume(ref) {
      await stripe.subscriptions.update(needsSubscription(ref), { cancel_at_period_end: false });
    },

    async chargeRenewal() {
      throw new AppError("rule_broken", "Stripe renews subscriptions itself and reports the payment by webhook.");
    },

    async issueInvoice(request) {
      const customer = await customerFor(stripe, request.buyer);
      const key = `pulse-invoice-${request.invoiceId}`;
      const draft = await stripe.invoices.create(
        {
          customer,
          currency: request.total.currency.toLowerCase(),
          collection_method: "send_invoice",
          days_until_due: INVOICE_DAYS_UNTIL_DUE,
          auto_advance: false,
          pending_invoice_items_behavior: "exclude",
          metadata: { [PULSE_INVOICE_KEY]: request.invoiceId, pulse_invoice_number: request.number },
          custom_fields: [
            { name: "Invoice", value: request.number },
            ...(request.poNumber ? [{ name: "PO number", value: request.poNumber.slice(0, 140) }] : []),
          ],
        },
        { idempotencyKey: key },
      );
      const invoiceId = draft.id as string;
      for (const [i, line] of request.lines.entries()) {
        await stripe.invoiceItems.create(
          {
            customer,
            invoice: invoiceId,
            currency: request.total.currency.toLowerCase(),
            amount: line.amountMinor,
            description: line.quantity > 1 ? `${line.description} (${line.quantity} seats)` : line.description,
          },
          { idempotencyKey: `${key}-line-${i}` },
        );
      }
      await stripe.invoices.finalizeInvoice(invoiceId, { auto_advance: false });
      const sent = await stripe.invoices.sendInvoice(invoiceId);
      return { providerInvoiceId: invoiceId, hostedUrl: sent.hosted_invoice_url ?? null };
    },

    async voidInvoice(invoice) {
      if (invoice.providerInvoiceId) await stripe.invoices.voidInvoice(invoice.providerInvoiceId);
    },
  };
}
