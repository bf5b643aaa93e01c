import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../kernel/app-error.js";
import type { BillingProvider } from "./provider.js";
import { createStripeProvider, priceLookupKey } from "./stripe.js";
import { type StripeTestServer, startStripeTestServer } from "./stripe-test-server.js";

const PRICE = { amountMinor: 90000, currency: "USD" };
const checkout = (providerPriceId: string | null) => ({
  subscriptionId: "11111111-1111-4111-8111-111111111111",
  customer: { userId: "u1", email: "ada@example.com", name: "Ada" },
  plan: { id: "plan-1", name: "Pulse+", providerPriceId },
  price: PRICE,
  successUrl: "http://pulse.test/me/billing?checkout=done",
  cancelUrl: "http://pulse.test/plans",
});

describe("the Stripe provider against a local server on 127.0.0.1", () => {
  let server: StripeTestServer;
  let stripe: BillingProvider;
  const last = (method: string, path: string) =>
    server.requests.filter((r) => r.method === method && r.path === path).at(-1);

  beforeAll(async () => {
    server = await startStripeTestServer();
    stripe = createStripeProvider({ secretKey: "sk_test_pulse", webhookSecret: "whsec_x", apiBaseUrl: server.url });
  });
  afterAll(async () => server?.close());

  it("checks out in subscription mode, creating the plan's yearly Price once under its lookup key", async () => {
    const first = await stripe.createCheckout(checkout(null));
    expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_/);
    expect(first.providerCheckoutId).toMatch(/^cs_/);
    const created = last("POST", "/v1/prices");
    expect(created?.form.get("lookup_key")).toBe(priceLookupKey("plan-1", PRICE));
    expect(created?.form.get("unit_amount")).toBe("90000");
    expect(created?.form.get("currency")).toBe("usd");
    expect(created?.form.get("recurring[interval]")).toBe("year");
    const session = last("POST", "/v1/checkout/sessions");
    expect(session?.form.get("mode")).toBe("subscription");
    expect(session?.form.get("line_items[0][price]")).toBe(server.prices.get(priceLookupKey("plan-1", PRICE))?.id);
    expect(session?.form.get("client_reference_id")).toBe(checkout(null).subscriptionId);
    expect(session?.form.get("subscription_data[metadata][pulse_subscription_id]")).toBe(checkout(null).subscriptionId);
    expect(session?.idempotencyKey).toBe(`pulse-checkout-${checkout(null).subscriptionId}`);

    const pricesCreated = server.requests.filter((r) => r.method === "POST" && r.path === "/v1/prices").length;
    await stripe.createCheckout(checkout(null));
    expect(server.requests.filter((r) => r.method === "POST" && r.path === "/v1/prices").length).toBe(pricesCreated);
  });

  it("uses a stored provider price id without looking it up", async () => {
    const before = server.requests.length;
    await stripe.createCheckout(checkout("price_stored"));
    const made = server.requests.slice(before);
    expect(made.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/checkout/sessions"]);
    expect(made[0]?.form.get("line_items[0][price]")).toBe("price_stored");
  });

  it("cancels and resumes with cancel_at_period_end; without a Stripe subscription it refuses", async () => {
    const ref = { subscriptionId: "s", providerSubscriptionId: "sub_123", cardLast4: null };
    await stripe.cancelAtPeriodEnd(ref);
    expect(last("POST", "/v1/subscriptions/sub_123")?.form.get("cancel_at_period_end")).toBe("true");
    await stripe.resume(ref);
    expect(last("POST", "/v1/subscriptions/sub_123")?.form.get("cancel_at_period_end")).toBe("false");
    await expect(stripe.cancelAtPeriodEnd({ ...ref, providerSubscriptionId: null })).rejects.toBeInstanceOf(AppError);
    await expect(stripe.chargeRenewal(ref, PRICE)).rejects.toBeInstanceOf(AppError);
  });

  it("issues a purchase-order invoice for send_invoice collection, net 30, and sends it", async () => {
    const issued = await stripe.issueInvoice({
      invoiceId: "inv-1",
      number: "PUL-000042",
      poNumber: "PO-7781",
      buyer: { name: "Acme", email: "ap@acme.example", addressLines: ["1 Main St", "Springfield"] },
      seller: { name: "Pulse Academy" },
      lines: [{ description: "Pulse+, 5 seats, one year", quantity: 5, unitAmountMinor: 90000, amountMinor: 405000 }],
      total: { amountMinor: 405000, currency: "USD" },
      dueAt: new Date("2027-01-01T00:00:00Z"),
    });
    const created = last("POST", "/v1/invoices");
    expect(created?.form.get("collection_method")).toBe("send_invoice");
    expect(created?.form.get("days_until_due")).toBe("30");
    expect(created?.form.get("metadata[pulse_invoice_id]")).toBe("inv-1");
    expect(created?.form.get("custom_fields[1][value]")).toBe("PO-7781");
    expect(created?.idempotencyKey).toBe("pulse-invoice-inv-1");
    const item = last("POST", "/v1/invoiceitems");
    expect(item?.form.get("amount")).toBe("405000");
    expect(item?.form.get("invoice")).toBe(issued.providerInvoiceId);
    expect(last("POST", `/v1/invoices/${issued.providerInvoiceId}/finalize`)).toBeDefined();
    expect(last("POST", `/v1/invoices/${issued.providerInvoiceId}/send`)).toBeDefined();
    expect(issued.hostedUrl).toContain(issued.providerInvoiceId as string);
    await stripe.voidInvoice({ invoiceId: "inv-1", providerInvoiceId: issued.providerInvoiceId });
    expect(last("POST", `/v1/invoices/${issued.providerInvoiceId}/void`)).toBeDefined();
  });

  it("passes Stripe's refusal on as an error", async () => {
    server.failNext("/v1/checkout/sessions", 400, "No such price: 'price_gone'");
    await expect(stripe.createCheckout(checkout("price_gone"))).rejects.toThrow(/No such price/);
  });
});
