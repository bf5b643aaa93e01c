import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.js";
import { createManualInvoiceProvider } from "./providers/manual-invoice.js";
import { selectProviders } from "./providers/select.js";
import { createTestModeProvider } from "./providers/test-mode.js";
import { DEFAULT_BILLING_SETTINGS } from "./settings.js";

describe("billing configuration", () => {
  it("without Stripe keys billing runs in test mode with 30/7-day reminders and 7 days of grace", () => {
    expect(loadConfig({}).billing).toMatchObject({ mode: "test", reminderDays: [30, 7], graceDays: 7 });
  });

  it("both Stripe keys select Stripe; one alone is refused", () => {
    const keys = { STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" };
    expect(loadConfig(keys).billing).toMatchObject({ mode: "stripe", stripe: { secretKey: "sk_test_1" } });
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "sk_test_1" })).toThrow(/set together/);
  });

  it("NODE_ENV=production refuses to start in test mode unless BILLING_TEST_MODE=true", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/BILLING_TEST_MODE=true/);
    expect(loadConfig({ NODE_ENV: "production", BILLING_TEST_MODE: "true" }).billing.mode).toBe("test");
    expect(
      loadConfig({ NODE_ENV: "production", STRIPE_SECRET_KEY: "sk_live_1", STRIPE_WEBHOOK_SECRET: "whsec_1" }).billing
        .mode,
    ).toBe("stripe");
  });

  it("reminder days and grace are settings; bad values are named", () => {
    expect(loadConfig({ BILLING_REMINDER_DAYS: "14, 3", BILLING_GRACE_DAYS: "10" }).billing).toMatchObject({
      reminderDays: [14, 3],
      graceDays: 10,
    });
    expect(() => loadConfig({ BILLING_REMINDER_DAYS: "soon" })).toThrow(/BILLING_REMINDER_DAYS/);
  });
});

describe("providers", () => {
  it("test mode: checkout is a Pulse page, renewals succeed on the test card and move no money", async () => {
    const p = createTestModeProvider({ checkoutUrl: (id) => `http://pulse.test/billing/test-checkout/${id}` });
    expect(p.movesMoney).toBe(false);
    const session = await p.createCheckout({
      subscriptionId: "s",
      customer: { userId: "u", email: "a@example.com", name: "A" },
      plan: { id: "p", name: "Pulse+", providerPriceId: null },
      price: { amountMinor: 90000, currency: "USD" },
      successUrl: "http://pulse.test/ok",
      cancelUrl: "http://pulse.test/back",
    });
    expect(session.url).toBe(`http://pulse.test/billing/test-checkout/${session.providerCheckoutId}`);
    expect(
      await p.chargeRenewal(
        { subscriptionId: "s", providerSubscriptionId: null, cardLast4: null },
        { amountMinor: 1, currency: "USD" },
      ),
    ).toMatchObject({ ok: true, cardLast4: "4242", method: "test_card" });
  });

  it("manual invoices have no card checkout and never charge a renewal", async () => {
    const p = createManualInvoiceProvider();
    await expect(
      p.cancelAtPeriodEnd({ subscriptionId: "s", providerSubscriptionId: null, cardLast4: null }),
    ).rejects.toThrow(/card/);
    expect(
      (
        await p.chargeRenewal(
          { subscriptionId: "s", providerSubscriptionId: null, cardLast4: null },
          { amountMinor: 1, currency: "USD" },
        )
      ).ok,
    ).toBe(false);
  });

  it("Stripe mode uses the registered adapter (or one given); test mode pairs the test card with manual invoices", () => {
    const stripeSettings = {
      ...DEFAULT_BILLING_SETTINGS,
      mode: "stripe" as const,
      stripe: { secretKey: "k", webhookSecret: "w" },
    };
    // The Stripe adapter is registered: Stripe mode uses it for cards and invoices.
    const stripe = selectProviders(stripeSettings, (id) => id);
    expect([stripe.card.name, stripe.invoices.name, stripe.testMode]).toEqual(["stripe", "stripe", false]);
    const fake = createManualInvoiceProvider();
    expect(
      selectProviders(
        stripeSettings,
        (id) => id,
        () => fake,
      ).card,
    ).toBe(fake);
    const test = selectProviders(DEFAULT_BILLING_SETTINGS, (id) => id);
    expect([test.card.name, test.invoices.name, test.testMode]).toEqual(["test", "manual", true]);
  });
});
