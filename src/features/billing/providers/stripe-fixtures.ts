/**
 * Stripe API objects in the shapes Stripe's API reference documents (API version of the installed
 * `stripe` package), trimmed to the fields Pulse reads plus the ones every object carries. Used by the
 * local server the Stripe adapter is tested against and by the signed webhook tests.
 */
const list = (url: string, data: unknown[]) => ({ object: "list", url, has_more: false, data });

export const stripeFixtures = {
  price: (id: string, lookupKey: string, amount: number, currency: string) => ({
    id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: 1_767_225_600,
    currency,
    livemode: false,
    lookup_key: lookupKey,
    metadata: {},
    nickname: null,
    product: "prod_Pulse0001",
    recurring: { interval: "year", interval_count: 1, meter: null, usage_type: "licensed" },
    tax_behavior: "unspecified",
    type: "recurring",
    unit_amount: amount,
    unit_amount_decimal: String(amount),
  }),
  priceList: (prices: unknown[]) => list("/v1/prices", prices),
  checkoutSession: (id: string, email: string, metadata: Record<string, string>) => ({
    id,
    object: "checkout.session",
    amount_subtotal: 90000,
    amount_total: 90000,
    cancel_url: "http://pulse.test/plans",
    client_reference_id: metadata.pulse_subscription_id ?? null,
    created: 1_767_225_600,
    currency: "usd",
    customer: null,
    customer_email: email,
    expires_at: 1_767_312_000,
    invoice: null,
    livemode: false,
    metadata,
    mode: "subscription",
    payment_status: "unpaid",
    status: "open",
    subscription: null,
    success_url: "http://pulse.test/me/billing?checkout=done",
    url: `https://checkout.stripe.com/c/pay/${id}`,
  }),
  completedSession: (o: {
    id: string;
    pulseSubscriptionId: string;
    subscription: string;
    customer: string;
    invoice: string;
  }) => ({
    id: o.id,
    object: "checkout.session",
    amount_total: 90000,
    client_reference_id: o.pulseSubscriptionId,
    created: 1_767_225_600,
    currency: "usd",
    customer: o.customer,
    invoice: o.invoice,
    livemode: false,
    metadata: { pulse_subscription_id: o.pulseSubscriptionId },
    mode: "subscription",
    payment_status: "paid",
    status: "complete",
    subscription: o.subscription,
    url: null,
  }),
  subscription: (o: {
    id: string;
    customer: string;
    pulseSubscriptionId?: string;
    cancelAtPeriodEnd: boolean;
    status?: string;
  }) => ({
    id: o.id,
    object: "subscription",
    cancel_at: null,
    cancel_at_period_end: o.cancelAtPeriodEnd,
    canceled_at: null,
    collection_method: "charge_automatically",
    created: 1_767_225_600,
    currency: "usd",
    customer: o.customer,
    items: list(`/v1/subscription_items?subscription=${o.id}`, [
      {
        id: "si_Pulse0001",
        object: "subscription_item",
        current_period_start: 1_767_225_600,
        current_period_end: 1_798_761_600,
        quantity: 1,
        subscription: o.id,
      },
    ]),
    livemode: false,
    metadata: o.pulseSubscriptionId ? { pulse_subscription_id: o.pulseSubscriptionId } : {},
    status: o.status ?? "active",
  }),
  customer: (id: string, email: string | null, name: string) => ({
    id,
    object: "customer",
    created: 1_767_225_600,
    email,
    livemode: false,
    metadata: {},
    name,
  }),
  customerList: (customers: unknown[]) => list("/v1/customers", customers),
  invoice: (o: {
    id: string;
    status: "draft" | "open" | "paid" | "void";
    customer: string;
    collectionMethod: string;
    daysUntilDue?: number | null;
    billingReason?: string;
    subscription?: { id: string; pulseSubscriptionId?: string } | null;
    metadata?: Record<string, string>;
  }) => ({
    id: o.id,
    object: "invoice",
    amount_due: 90000,
    amount_paid: o.status === "paid" ? 90000 : 0,
    billing_reason: o.billingReason ?? "manual",
    collection_method: o.collectionMethod,
    created: 1_767_225_600,
    currency: "usd",
    customer: o.customer,
    days_until_due: o.daysUntilDue ?? null,
    hosted_invoice_url: o.status === "draft" ? null : `https://invoice.stripe.com/i/acct_Pulse/${o.id}`,
    last_finalization_error: null,
    livemode: false,
    metadata: o.metadata ?? {},
    number: o.status === "draft" ? null : "PULSE-0001",
    parent: o.subscription
      ? {
          type: "subscription_details",
          quote_details: null,
          subscription_details: {
            metadata: o.subscription.pulseSubscriptionId
              ? { pulse_subscription_id: o.subscription.pulseSubscriptionId }
              : {},
            subscription: o.subscription.id,
          },
        }
      : null,
    status: o.status,
    total: 90000,
  }),
  invoiceItem: (id: string, invoice: string, amount: number, description: string) => ({
    id,
    object: "invoiceitem",
    amount,
    currency: "usd",
    date: 1_767_225_600,
    description,
    invoice,
    livemode: false,
    metadata: {},
    quantity: 1,
  }),
  error: (message: string, param?: string) => ({
    error: { type: "invalid_request_error", code: "resource_missing", message, ...(param ? { param } : {}) },
  }),
  event: (o: { id: string; type: string; created: number; object: unknown }) => ({
    id: o.id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: o.created,
    data: { object: o.object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: o.type,
  }),
};
