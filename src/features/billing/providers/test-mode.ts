import { randomUUID } from "node:crypto";
import type { BillingProvider } from "./provider.js";

/** The card a test-mode payment shows: no card was asked for and no money moved. */
export const TEST_CARD = { brand: "test", last4: "4242", method: "test_card" } as const;
/** The test card that checks out but is declined at renewal (Stripe's 4000 0000 0000 0341 does the same). */
export const DECLINED_AT_RENEWAL_LAST4 = "0341";

/**
 * Test mode (a laptop, the demo): checkout is a Pulse page (`/billing/test-checkout/:id`) that completes
 * without a card; renewals succeed without money. `checkoutUrl` builds that page's address for a
 * checkout id; the billing service stores the checkout and completes it.
 */
export function createTestModeProvider(options: {
  checkoutUrl: (checkoutId: string) => string;
  newCheckoutId?: () => string;
}): BillingProvider {
  const newId = options.newCheckoutId ?? randomUUID;
  return {
    name: "test",
    movesMoney: false,
    renewsItself: false,
    supports: { cardCheckout: true, invoices: true },
    async createCheckout() {
      const providerCheckoutId = newId();
      return { url: options.checkoutUrl(providerCheckoutId), providerCheckoutId };
    },
    async cancelAtPeriodEnd() {},
    async resume() {},
    async chargeRenewal(ref) {
      if (ref.cardLast4 === DECLINED_AT_RENEWAL_LAST4) return { ok: false, reason: "The test card was declined." };
      return {
        ok: true,
        providerPaymentId: `test_${randomUUID()}`,
        method: TEST_CARD.method,
        cardBrand: TEST_CARD.brand,
        cardLast4: ref.cardLast4 ?? TEST_CARD.last4,
      };
    },
    async issueInvoice() {
      return { providerInvoiceId: null, hostedUrl: null };
    },
    async voidInvoice() {},
  };
}
