import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization, buildPlatformAdmin, buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import type { PlanList } from "../contract.js";
import type { Licenses, Quote } from "../licenses/contract.js";
import { stripeFixtures as fx } from "../providers/stripe-fixtures.js";
import { type StripeTestServer, startStripeTestServer } from "../providers/stripe-test-server.js";
import { configureBilling } from "../runtime.js";
import { billingEvents, entitlements, invoices, licensePools, payments, subscriptions } from "../schema.js";
import { DEFAULT_BILLING_SETTINGS } from "../settings.js";

const SECRET = "whsec_pulse_test_secret";
const DAY = 86_400_000;
const URL_ = "/api/billing/webhooks/stripe";

describe.each(TEST_ENGINES)("Stripe webhooks (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  let t: TestApp;
  let server: StripeTestServer;
  let seq = 0;
  const secs = (d: Date) => Math.floor(d.getTime() / 1000);

  const event = (type: string, object: unknown, created = clock.now()) =>
    fx.event({ id: `evt_${engine}_${++seq}`, type, created: secs(created), object });
  const deliver = (body: object | string, opts: { timestamp?: number; tamper?: boolean } = {}) => {
    const payload = typeof body === "string" ? body : JSON.stringify(body);
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: opts.timestamp ?? secs(clock.now()),
    });
    return t.app.inject({
      method: "POST",
      url: URL_,
      headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": header },
      payload: opts.tamper ? payload.replace("90000", "1") : payload,
    });
  };
  const subRow = async (id: string) =>
    (await t.ctx.database.db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0];
  const counts = async (id: string) => ({
    payments: (await t.ctx.database.db.select().from(payments).where(eq(payments.subscriptionId, id))).length,
    events: (await t.ctx.database.db.select().from(billingEvents).where(eq(billingEvents.subscriptionId, id))).length,
  });
  const entitlementEnd = async (id: string) =>
    (await t.ctx.database.db.select().from(entitlements).where(eq(entitlements.sourceId, id)))[0]?.endsAt ?? null;

  /** A learner checks out through Pulse (Stripe answers from the local server); returns Pulse's subscription id. */
  async function checkout() {
    const learner = await buildUser(t.ctx);
    const plans = (await t.app.inject({ method: "GET", url: "/api/billing/plans" })).json() as PlanList;
    const planId = plans.plans.find((p) => p.key === "pulse_plus")?.id as string;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/me/subscription/checkout",
      headers: { cookie: learner.cookie, origin: "http://pulse.test" },
      payload: { planId },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const [row] = await t.ctx.database.db.select().from(subscriptions).where(eq(subscriptions.userId, learner.userId));
    return { sub: row?.id as string, stripeSub: `sub_${engine}_${++seq}`, learner };
  }
  const completed = (c: { sub: string; stripeSub: string }) =>
    event(
      "checkout.session.completed",
      fx.completedSession({
        id: `cs_${c.stripeSub}`,
        pulseSubscriptionId: c.sub,
        subscription: c.stripeSub,
        customer: "cus_1",
        invoice: `in_first_${c.stripeSub}`,
      }),
    );
  const updated = (c: { stripeSub: string }, cancelAtPeriodEnd: boolean, created: Date) =>
    event(
      "customer.subscription.updated",
      fx.subscription({ id: c.stripeSub, customer: "cus_1", cancelAtPeriodEnd }),
      created,
    );

  beforeAll(async () => {
    server = await startStripeTestServer();
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 800 });
    configureBilling(t.ctx, {
      ...DEFAULT_BILLING_SETTINGS,
      mode: "stripe",
      stripe: { secretKey: "sk_test_pulse", webhookSecret: SECRET, apiBaseUrl: server.url },
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it("checkout.session.completed activates the subscription and its entitlement after commit; a redelivery does nothing", async () => {
    const c = await checkout();
    const e = completed(c);
    const res = await deliver(e);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, outcome: "applied" });
    const row = await subRow(c.sub);
    expect(row?.state).toBe("active");
    expect(row?.providerSubscriptionId).toBe(c.stripeSub);
    expect((await entitlementEnd(c.sub))?.toISOString()).toBe("2027-03-10T09:00:00.000Z");
    const before = await counts(c.sub);
    expect(before.payments).toBe(1);

    const again = await deliver(e);
    expect(again.statusCode).toBe(200);
    expect(again.json().outcome).toBe("duplicate");
    expect(await counts(c.sub)).toEqual(before);
    expect((await subRow(c.sub))?.updatedAt).toEqual(row?.updatedAt);
  });

  it("refuses a tampered body, an old timestamp and a missing signature with 400, changing nothing", async () => {
    const c = await checkout();
    const e = completed(c);
    const tampered = await deliver(e, { tamper: true });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().error.fields["stripe-signature"]).toBe("does not verify");
    const old = await deliver(e, { timestamp: secs(clock.now()) - 301 });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.fields["stripe-signature"]).toMatch(/too old/);
    const unsigned = await t.app.inject({
      method: "POST",
      url: URL_,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(e),
    });
    expect(unsigned.statusCode).toBe(400);
    expect((await subRow(c.sub))?.state).toBe("pending_payment");
    expect(await counts(c.sub)).toEqual({ payments: 0, events: 0 });
    // The same event, correctly signed, still applies: the refused deliveries stored nothing.
    expect((await deliver(e)).json().outcome).toBe("applied");
  });

  it("an out-of-order pair does not roll the state back: an older 'resume' after a newer 'cancel' is stale", async () => {
    const c = await checkout();
    await deliver(completed(c));
    const t1 = new Date(clock.now().getTime() + 60_000);
    const t2 = new Date(clock.now().getTime() + 120_000);
    const newer = await deliver(updated(c, true, t2));
    expect(newer.json().outcome).toBe("applied");
    expect((await subRow(c.sub))?.state).toBe("cancel_scheduled");
    const older = await deliver(updated(c, false, t1));
    expect(older.statusCode).toBe(200);
    expect(older.json().outcome).toBe("stale");
    const row = await subRow(c.sub);
    expect(row?.state).toBe("cancel_scheduled");
    expect(row?.lastEventAt?.toISOString()).toBe(t2.toISOString());
    // A newer resume applies.
    expect((await deliver(updated(c, false, new Date(t2.getTime() + 1000)))).json().outcome).toBe("applied");
    expect((await subRow(c.sub))?.state).toBe("active");
  });

  it("renewal: invoice.payment_failed → past due with grace; invoice.paid → the next year; deleted → ends at period end", async () => {
    const c = await checkout();
    await deliver(completed(c));
    const end = (await subRow(c.sub))?.currentPeriodEnd as Date;
    const cycle = (status: "open" | "paid") =>
      fx.invoice({
        id: `in_cycle_${c.stripeSub}`,
        status,
        customer: "cus_1",
        collectionMethod: "charge_automatically",
        billingReason: "subscription_cycle",
        subscription: { id: c.stripeSub, pulseSubscriptionId: c.sub },
      });
    const failed = await deliver(event("invoice.payment_failed", cycle("open"), new Date(end.getTime() + 60_000)));
    expect(failed.json().outcome).toBe("applied");
    const pastDue = await subRow(c.sub);
    expect(pastDue?.state).toBe("past_due");
    expect(pastDue?.graceEndsAt?.toISOString()).toBe(new Date(end.getTime() + 7 * DAY).toISOString());
    expect((await entitlementEnd(c.sub))?.toISOString()).toBe(pastDue?.graceEndsAt?.toISOString());

    // A newer subscription update arrives first; the older renewal payment still opens the next year.
    await deliver(updated(c, false, new Date(end.getTime() + DAY + 5000)));
    const paid = await deliver(event("invoice.paid", cycle("paid"), new Date(end.getTime() + DAY)));
    expect(paid.json().outcome).toBe("applied");
    const renewed = await subRow(c.sub);
    expect(renewed?.state).toBe("active");
    expect(renewed?.currentPeriodStart?.toISOString()).toBe(end.toISOString());
    expect((await entitlementEnd(c.sub))?.toISOString()).toBe(renewed?.currentPeriodEnd?.toISOString());
    expect((await counts(c.sub)).payments).toBe(3);

    await deliver(updated(c, true, new Date(end.getTime() + 2 * DAY)));
    const deleted = event(
      "customer.subscription.deleted",
      fx.subscription({ id: c.stripeSub, customer: "cus_1", cancelAtPeriodEnd: true, status: "canceled" }),
      renewed?.currentPeriodEnd as Date,
    );
    expect((await deliver(deleted)).json().outcome).toBe("applied");
    const ended = await subRow(c.sub);
    expect(ended?.state).toBe("ended");
    expect(ended?.endedAt?.toISOString()).toBe(renewed?.currentPeriodEnd?.toISOString());
  });

  it("an event for no Pulse subscription is stored as ignored and answered 200; other routes keep JSON parsing", async () => {
    const e = event(
      "customer.subscription.updated",
      fx.subscription({ id: "sub_unknown", customer: "c", cancelAtPeriodEnd: true }),
    );
    const res = await deliver(e);
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe("ignored");
    const [stored] = await t.ctx.database.db.select().from(billingEvents).where(eq(billingEvents.eventId, e.id));
    expect(stored?.outcome).toBe("ignored");
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "nobody@example.com", password: "wrong password here" }),
    });
    expect(login.statusCode).toBe(401);
  });
  describe("a purchase-order invoice paid in Stripe", () => {
    const call = (method: "GET" | "POST", url: string, cookie: string, payload?: unknown) =>
      t.app.inject({ method, url, headers: { cookie, origin: "http://pulse.test" }, payload: payload as never });

    /** An org admin quotes 3 seats and accepts with a PO: Pulse issues the invoice through Stripe (local server). */
    async function acceptedInvoice() {
      const org = await buildOrganization(t.ctx, `PO Org ${++seq}`);
      const plans = (await t.app.inject({ method: "GET", url: "/api/billing/plans" })).json() as PlanList;
      const planId = plans.plans.find((p) => p.key === "basic")?.id as string;
      const base = `/api/organizations/${org.orgId}/licenses`;
      const quote = await call("POST", `${base}/quotes`, org.owner.cookie, { planId, seats: 3 });
      expect(quote.statusCode, quote.body).toBe(201);
      const accepted = await call("POST", `${base}/quotes/${(quote.json() as Quote).id}/accept`, org.owner.cookie, {
        poNumber: "PO-STRIPE-1",
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const invoiceId = (accepted.json() as Quote).invoiceId as string;
      const [row] = await t.ctx.database.db.select().from(invoices).where(eq(invoices.id, invoiceId));
      expect(row?.provider).toBe("stripe");
      expect(row?.providerInvoiceId).toMatch(/^in_/);
      return { org, base, invoiceId, stripeInvoiceId: row?.providerInvoiceId as string };
    }
    const paidEvent = (inv: { invoiceId: string; stripeInvoiceId: string }, withMetadata = true) =>
      event(
        "invoice.paid",
        fx.invoice({
          id: inv.stripeInvoiceId,
          status: "paid",
          customer: "cus_po",
          collectionMethod: "send_invoice",
          daysUntilDue: 30,
          ...(withMetadata ? { metadata: { pulse_invoice_id: inv.invoiceId } } : {}),
        }),
      );
    const poolsOf = (invoiceId: string) =>
      t.ctx.database.db.select().from(licensePools).where(eq(licensePools.invoiceId, invoiceId));

    it("marks the invoice paid and opens the seat pool, as a staff-recorded payment does; a redelivery does nothing", async () => {
      const inv = await acceptedInvoice();
      const e = paidEvent(inv);
      const res = await deliver(e);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ received: true, outcome: "applied" });

      const licenses = (await call("GET", inv.base, inv.org.owner.cookie)).json() as Licenses;
      expect(licenses.invoices.find((i) => i.id === inv.invoiceId)?.status).toBe("paid");
      const pool = licenses.pools.find((p) => p.seats === 3);
      expect(pool).toMatchObject({
        seats: 3,
        used: 0,
        startsAt: "2026-03-10T09:00:00.000Z",
        endsAt: "2027-03-10T09:00:00.000Z",
      });
      const paid = await t.ctx.database.db.select().from(payments).where(eq(payments.invoiceId, inv.invoiceId));
      expect(paid).toHaveLength(1);
      expect(paid[0]).toMatchObject({ provider: "stripe", providerPaymentId: inv.stripeInvoiceId, recordedBy: null });
      const [stored] = await t.ctx.database.db.select().from(billingEvents).where(eq(billingEvents.eventId, e.id));
      expect(stored).toMatchObject({ invoiceId: inv.invoiceId, outcome: "applied" });

      expect((await deliver(e)).json().outcome).toBe("duplicate");
      expect(await poolsOf(inv.invoiceId)).toHaveLength(1);
      expect(await t.ctx.database.db.select().from(payments).where(eq(payments.invoiceId, inv.invoiceId))).toHaveLength(
        1,
      );
      // Staff cannot record the same payment again.
      const staff = await buildPlatformAdmin(t.ctx);
      const again = await call("POST", `/api/admin/billing/license-invoices/${inv.invoiceId}/payments`, staff.cookie, {
        method: "bank_transfer",
      });
      expect(again.statusCode).toBe(409);
    });

    it("finds the invoice by its Stripe id without metadata; after a staff-recorded payment the event is ignored", async () => {
      const byId = await acceptedInvoice();
      expect((await deliver(paidEvent(byId, false))).json().outcome).toBe("applied");
      expect(await poolsOf(byId.invoiceId)).toHaveLength(1);

      const first = await acceptedInvoice();
      const staff = await buildPlatformAdmin(t.ctx);
      const recorded = await call(
        "POST",
        `/api/admin/billing/license-invoices/${first.invoiceId}/payments`,
        staff.cookie,
        { method: "bank_transfer", reference: "TRX-9" },
      );
      expect(recorded.statusCode).toBe(200);
      expect((await deliver(paidEvent(first))).json().outcome).toBe("ignored");
      expect(await poolsOf(first.invoiceId)).toHaveLength(1);
      expect(
        await t.ctx.database.db.select().from(payments).where(eq(payments.invoiceId, first.invoiceId)),
      ).toHaveLength(1);
    });
  });
});
