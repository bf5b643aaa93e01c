import type { Money } from "../../../kernel/money.js";
import type { Party, ProviderName } from "../schema.js";

/**
 * A payment provider moves money; Pulse owns every state. One interface for Stripe, manual invoices
 * (purchase orders) and test mode. A provider that cannot do something (a manual invoice has no card
 * checkout) says so with `supports`, and its method throws `AppError("rule_broken")`.
 */
export type CheckoutRequest = {
  subscriptionId: string;
  customer: { userId: string; email: string; name: string };
  plan: { id: string; name: string; providerPriceId: string | null };
  price: Money;
  /** Where the buyer lands after paying / after going back (absolute URLs under APP_URL). */
  successUrl: string;
  cancelUrl: string;
};

export type CheckoutSession = { url: string; providerCheckoutId: string };

export type ProviderSubscriptionRef = {
  subscriptionId: string;
  providerSubscriptionId: string | null;
  /** The card on file (test mode: 4242 pays, 0341 is declined at renewal, like Stripe's test cards). */
  cardLast4: string | null;
};

export type RenewalCharge =
  | { ok: true; providerPaymentId: string; method: string; cardBrand: string | null; cardLast4: string | null }
  | { ok: false; reason: string };

export type InvoiceRequest = {
  invoiceId: string;
  number: string;
  poNumber: string | null;
  buyer: Party;
  seller: Party;
  lines: { description: string; quantity: number; unitAmountMinor: number; amountMinor: number }[];
  total: Money;
  dueAt: Date;
};

export type IssuedInvoice = { providerInvoiceId: string | null; hostedUrl: string | null };

export interface BillingProvider {
  readonly name: ProviderName;
  /** False for test mode: every page then says plainly that no money moves. */
  readonly movesMoney: boolean;
  /** True when the provider renews on its own and reports it (Stripe); Pulse's renewal job then only waits. */
  readonly renewsItself: boolean;
  readonly supports: { cardCheckout: boolean; invoices: boolean };
  /** Starts a card checkout for an individual's subscription; the buyer is sent to `url`. */
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /** Tells the provider not to renew at the period end. */
  cancelAtPeriodEnd(ref: ProviderSubscriptionRef): Promise<void>;
  /** Undoes `cancelAtPeriodEnd` before the period is over. */
  resume(ref: ProviderSubscriptionRef): Promise<void>;
  /** Charges the next year (providers that do not renew themselves). */
  chargeRenewal(ref: ProviderSubscriptionRef, amount: Money): Promise<RenewalCharge>;
  /** Issues a purchase-order invoice Pulse numbered (Stripe: `send_invoice` collection, net 30). */
  issueInvoice(request: InvoiceRequest): Promise<IssuedInvoice>;
  /** Voids an issued invoice that will not be paid. */
  voidInvoice(invoice: { invoiceId: string; providerInvoiceId: string | null }): Promise<void>;
}
