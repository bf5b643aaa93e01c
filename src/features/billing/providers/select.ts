import type { BillingSettings } from "../settings.js";
import { createManualInvoiceProvider } from "./manual-invoice.js";
import type { BillingProvider } from "./provider.js";
import { createStripeProvider } from "./stripe.js";
import { createTestModeProvider } from "./test-mode.js";

export type StripeProviderFactory = (stripe: NonNullable<BillingSettings["stripe"]>) => BillingProvider;

/** The Stripe adapter (`./stripe.ts`), chosen when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set. */
const stripeFactory: StripeProviderFactory | undefined = createStripeProvider;

export type Providers = {
  /** Individuals' card subscriptions: Stripe, or test mode. */
  card: BillingProvider;
  /** Purchase-order invoices: Stripe (`send_invoice`) when configured, else manual invoices. */
  invoices: BillingProvider;
  testMode: boolean;
};

export function selectProviders(
  settings: BillingSettings,
  testCheckoutUrl: (checkoutId: string) => string,
  factory: StripeProviderFactory | undefined = stripeFactory,
): Providers {
  if (settings.mode === "stripe") {
    if (!settings.stripe) throw new Error("Stripe mode needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
    if (!factory) throw new Error("STRIPE_SECRET_KEY is set but this build has no Stripe provider registered");
    const stripe = factory(settings.stripe);
    return { card: stripe, invoices: stripe, testMode: false };
  }
  return {
    card: createTestModeProvider({ checkoutUrl: testCheckoutUrl }),
    invoices: createManualInvoiceProvider(),
    testMode: true,
  };
}
