import { z } from "zod";
import { Text } from "../../kernel/text.js";

/**
 * The billing API (shared with web/). Paths are named here once; the issue fixes them:
 * individuals under /api/me/subscription, plans under /api/billing, team licenses under
 * /api/organizations/:orgId/licenses.
 */
export const BILLING_API = {
  plans: "/api/billing/plans",
  mySubscription: "/api/me/subscription",
  checkout: "/api/me/subscription/checkout",
  cancel: "/api/me/subscription/cancel",
  resume: "/api/me/subscription/resume",
  myInvoices: "/api/me/invoices",
  myInvoicePdf: "/api/me/invoices/:invoiceId/pdf",
  stripeWebhook: "/api/billing/webhooks/stripe",
  testCheckout: "/api/billing/test-checkout/:checkoutId",
  testCheckoutComplete: "/api/billing/test-checkout/:checkoutId/complete",
  licenseQuotes: "/api/organizations/:orgId/licenses/quotes",
  licenses: "/api/organizations/:orgId/licenses",
  licenseSeats: "/api/organizations/:orgId/licenses/:poolId/seats",
} as const;

/** The web pages mails and checkouts link to. */
export const BILLING_PAGES = {
  billing: "/profile/billing",
  cancel: "/profile/billing/cancel",
  testCheckout: (checkoutId: string) => `/billing/test-checkout/${checkoutId}`,
  choosePlan: "/plans",
} as const;

const Iso = z.string();

export const Money = z.object({ amountMinor: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof Money>;

export const OpenedLevel = z.object({
  programTitle: z.string(),
  levelNumber: z.number().int(),
  levelTitle: z.string(),
});
export type OpenedLevel = z.infer<typeof OpenedLevel>;

export const BillingPlan = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  /** The Academy plan key the levels list. */
  accessKey: z.string(),
  individual: z.boolean(),
  /** Per person per year. */
  price: Money,
  opens: z.array(OpenedLevel),
});
export type BillingPlan = z.infer<typeof BillingPlan>;

export const PlanList = z.object({
  plans: z.array(BillingPlan),
  /** True: checkout completes without a card and no money moves. */
  testMode: z.boolean(),
});
export type PlanList = z.infer<typeof PlanList>;

export const SUBSCRIPTION_STATE_NAMES = {
  pending_payment: "Waiting for payment",
  active: "Active",
  cancel_scheduled: "Ends at the period end",
  past_due: "Payment failed",
  ended: "Ended",
} as const;

export const SubscriptionView = z.object({
  id: z.uuid(),
  state: z.enum(["pending_payment", "active", "cancel_scheduled", "past_due", "ended"]),
  plan: z.object({ id: z.uuid(), name: z.string(), accessKey: z.string() }),
  currentPeriodStart: Iso.nullable(),
  currentPeriodEnd: Iso.nullable(),
  /** When the next year is charged (null when it will not renew). */
  renewsAt: Iso.nullable(),
  renewalAmount: Money.nullable(),
  /** Access lasts until then (period end, or the grace end while past due). */
  accessUntil: Iso.nullable(),
  graceEndsAt: Iso.nullable(),
  endedAt: Iso.nullable(),
  paymentMethod: z.object({ brand: z.string(), last4: z.string(), test: z.boolean() }).nullable(),
  provider: z.enum(["test", "manual", "stripe"]),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

export const InvoiceSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(["receipt", "invoice"]),
  status: z.enum(["draft", "open", "paid", "void"]),
  issuedAt: Iso,
  total: Money,
  pdfUrl: z.string(),
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const MySubscription = z.object({
  subscription: SubscriptionView.nullable(),
  invoices: z.array(InvoiceSummary),
  testMode: z.boolean(),
});
export type MySubscription = z.infer<typeof MySubscription>;

export const CheckoutBody = z.object({ planId: z.uuid("is not a valid plan id") });
export type CheckoutBody = z.infer<typeof CheckoutBody>;
export const CheckoutResponse = z.object({ url: z.string() });
export type CheckoutResponse = z.infer<typeof CheckoutResponse>;

export const CheckoutParams = z.object({ checkoutId: z.uuid("is not a valid checkout id") });
export const TestCheckoutView = z.object({
  id: z.uuid(),
  plan: z.object({ name: z.string() }),
  price: Money,
  completed: z.boolean(),
});
export type TestCheckoutView = z.infer<typeof TestCheckoutView>;

export const InvoiceParams = z.object({ invoiceId: z.uuid("is not a valid invoice id") });

/** Staff: set a plan's yearly price (a new price row; subscriptions keep theirs until renewal). */
export const SetPriceBody = z.object({
  amountMinor: z.number().int().min(0).max(100_000_000),
  currency: Text.regex(/^[A-Z]{3}$/, "must be a 3-letter currency code"),
});
export type SetPriceBody = z.infer<typeof SetPriceBody>;
export const PlanParams = z.object({ planId: z.uuid("is not a valid plan id") });
