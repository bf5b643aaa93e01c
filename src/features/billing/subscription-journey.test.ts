import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../test-support/test-db.js";
import { fixedClock } from "../../kernel/clock.js";
import { mailMessages } from "../../platform/mail/schema.js";
import type { CatalogResponse } from "../academy/catalog/contract.js";
import { importContent } from "../academy/catalog/service.js";
import { ensurePlatformAdmin, openSession } from "../accounts/identity/service.js";
import type { MySubscription, PlanList } from "./contract.js";
import { reminderSends } from "./schema.js";
import { runRenewals } from "./service/renewals.js";

const CONTENT = new URL("../academy/catalog/fixtures", import.meta.url).pathname;
const DAY = 86_400_000;

describe.each(TEST_ENGINES)("an individual's subscription in test mode (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  let t: TestApp;
  let plans: PlanList;

  const call = (method: "GET" | "POST", url: string, cookie: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie, origin: "http://pulse.test" }, payload: payload as never });
  const planId = (key: string) => plans.plans.find((p) => p.key === key)?.id as string;
  const mine = async (cookie: string) => (await call("GET", "/api/me/subscription", cookie)).json() as MySubscription;
  const openLevels = async (cookie: string) =>
    ((await call("GET", "/api/academy/catalog", cookie)).json() as CatalogResponse).programs
      .flatMap((p) => p.levels)
      .filter((l) => l.lock.open)
      .map((l) => l.key);
  const mailsTo = async (to: string) =>
    (await t.ctx.database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, to))).map((m) => m.subject);
  async function subscribe(key: string, card?: string) {
    const learner = await buildUser(t.ctx);
    const started = await call("POST", "/api/me/subscription/checkout", learner.cookie, { planId: planId(key) });
    expect(started.statusCode).toBe(200);
    const checkoutId = new URL(started.json().url).pathname.split("/").pop() as string;
    const done = await call(
      "POST",
      `/api/billing/test-checkout/${checkoutId}/complete`,
      learner.cookie,
      card ? { card } : {},
    );
    expect(done.statusCode).toBe(200);
    return { ...learner, checkoutId };
  }

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 800 });
    await importContent(t.ctx, CONTENT);
    plans = (await t.app.inject({ method: "GET", url: "/api/billing/plans" })).json();
  });
  afterAll(async () => t?.close());

  it("lists Pulse+ at USD 900.00 a year and the CCSMP memberships with the levels each opens", () => {
    expect(plans.testMode).toBe(true);
    expect(plans.plans.map((p) => [p.key, p.price.amountMinor, p.price.currency])).toContainEqual([
      "pulse_plus",
      90000,
      "USD",
    ]);
    const scholar = plans.plans.find((p) => p.key === "scholar");
    expect(scholar?.opens.map((l) => l.levelNumber)).toEqual([1, 2]);
  });

  it("checkout → access at once, a receipt mail and a PDF; a second click or checkout changes nothing", async () => {
    const learner = await buildUser(t.ctx);
    expect(await openLevels(learner.cookie)).toEqual([]);
    const bad = await call("POST", "/api/me/subscription/checkout", learner.cookie, { planId: "nope" });
    expect(bad.json().error.fields).toHaveProperty("planId");
    const { url } = (
      await call("POST", "/api/me/subscription/checkout", learner.cookie, { planId: planId("basic") })
    ).json();
    expect(url).toMatch(/^http:\/\/pulse\.test\/billing\/test-checkout\/[0-9a-f-]{36}$/);
    const checkoutId = url.split("/").pop();
    const page = (await call("GET", `/api/billing/test-checkout/${checkoutId}`, learner.cookie)).json();
    expect(page).toMatchObject({ plan: { name: "CCSMP Basic" }, price: { amountMinor: 29000 }, completed: false });
    const other = await buildUser(t.ctx);
    expect((await call("GET", `/api/billing/test-checkout/${checkoutId}`, other.cookie)).statusCode).toBe(404);
    for (let i = 0; i < 2; i++) {
      expect(
        (await call("POST", `/api/billing/test-checkout/${checkoutId}/complete`, learner.cookie, {})).statusCode,
      ).toBe(200);
    }
    expect(await openLevels(learner.cookie)).toEqual(["mini.l1"]);
    const me = await mine(learner.cookie);
    expect(me.subscription).toMatchObject({
      state: "active",
      plan: { name: "CCSMP Basic" },
      renewsAt: "2027-03-10T09:00:00.000Z",
      renewalAmount: { amountMinor: 29000, currency: "USD" },
      paymentMethod: { last4: "4242", test: true },
    });
    expect(me.invoices).toHaveLength(1);
    expect(me.invoices[0]).toMatchObject({ kind: "receipt", status: "paid", total: { amountMinor: 29000 } });
    const mail = await t.lastMailTo(learner.email);
    expect(mail?.subject).toBe("Your CCSMP Basic subscription is active");
    expect(mail?.text).toContain("no money moved");
    const pdf = await call("GET", `/api/me/invoices/${me.invoices[0]?.id}/pdf`, learner.cookie);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await call("GET", `/api/me/invoices/${me.invoices[0]?.id}/pdf`, other.cookie)).statusCode).toBe(404);
    const again = await call("POST", "/api/me/subscription/checkout", learner.cookie, { planId: planId("full") });
    expect(again.statusCode).toBe(409);
  });

  it("cancel keeps access and offers resume until the period end; then it ends", async () => {
    const learner = await subscribe("scholar");
    const canceled = (await call("POST", "/api/me/subscription/cancel", learner.cookie)).json();
    expect(canceled).toMatchObject({
      state: "cancel_scheduled",
      renewsAt: null,
      accessUntil: "2027-03-10T09:00:00.000Z",
    });
    expect((await t.lastMailTo(learner.email))?.subject).toBe(
      "Your CCSMP Scholar subscription will end on 10 March 2027",
    );
    expect(await openLevels(learner.cookie)).toEqual(["mini.l1", "mini.l2"]);
    expect((await call("POST", "/api/me/subscription/resume", learner.cookie)).json().state).toBe("active");
    expect((await call("POST", "/api/me/subscription/resume", learner.cookie)).statusCode).toBe(409);
    await call("POST", "/api/me/subscription/cancel", learner.cookie);
    clock.set(new Date("2027-03-10T09:00:00Z"));
    try {
      await runRenewals(t.ctx);
      expect((await mine(learner.cookie)).subscription?.state).toBe("ended");
      expect(await openLevels(learner.cookie)).toEqual([]);
    } finally {
      clock.set(new Date("2026-03-10T09:00:00Z"));
    }
  });

  it("reminds 30 and 7 days before, once per period even when the job runs twice, then renews without money", async () => {
    const learner = await subscribe("basic");
    const reminders = async () =>
      (await mailsTo(learner.email)).filter((s) => s.startsWith("Your CCSMP Basic subscription renews on"));
    const end = new Date("2027-03-10T09:00:00Z").getTime();
    clock.set(new Date(end - 31 * DAY));
    await runRenewals(t.ctx);
    expect(await reminders()).toEqual([]);
    clock.set(new Date(end - 30 * DAY));
    await Promise.all([runRenewals(t.ctx), runRenewals(t.ctx)]);
    await runRenewals(t.ctx);
    expect(await reminders()).toEqual(["Your CCSMP Basic subscription renews on 10 March 2027"]);
    const text = (await t.lastMailTo(learner.email))?.text ?? "";
    expect(text).toContain("USD 290.00");
    expect(text).toContain("http://pulse.test/profile/billing/cancel");
    clock.set(new Date(end - 7 * DAY));
    await Promise.all([runRenewals(t.ctx), runRenewals(t.ctx)]);
    expect(await reminders()).toHaveLength(2);
    clock.set(new Date(end + 3_600_000));
    await Promise.all([runRenewals(t.ctx), runRenewals(t.ctx)]);
    const me = await mine(learner.cookie);
    expect(me.subscription).toMatchObject({ state: "active", currentPeriodEnd: "2028-03-10T09:00:00.000Z" });
    expect(me.invoices).toHaveLength(2);
    const periods = await t.ctx.database.db.execute(
      sql`select number, starts_at from billing_subscription_periods where subscription_id = ${me.subscription?.id} order by number`,
    );
    expect((periods as unknown as { rows: unknown[] }).rows).toHaveLength(2);
    expect(
      await t.ctx.database.db
        .select()
        .from(reminderSends)
        .where(eq(reminderSends.subscriptionId, me.subscription?.id as string)),
    ).toHaveLength(2);
    expect(await openLevels(learner.cookie)).toEqual(["mini.l1"]);
    clock.set(new Date("2026-03-10T09:00:00Z"));
  });

  it("staff: a test clock runs the renewal job as of a date; a new price applies from the next renewal", async () => {
    const admin = await buildUser(t.ctx);
    await ensurePlatformAdmin(t.ctx, { email: admin.email, password: "staff-password-1" });
    const staff = `pulse_session=${(await openSession(t.ctx, admin.userId, { ip: null, userAgent: null })).token}`;
    const learner = await subscribe("cpd");
    const run = (asOf?: string) => call("POST", "/api/admin/billing/renewals/run", staff, asOf ? { asOf } : {});
    expect((await call("POST", "/api/admin/billing/renewals/run", learner.cookie, {})).statusCode).toBe(403);
    expect((await run("someday")).json().error.fields).toHaveProperty("asOf");
    const priced = await t.app.inject({
      method: "PUT",
      url: `/api/admin/billing/plans/${planId("cpd")}/price`,
      headers: { cookie: staff, origin: "http://pulse.test" },
      payload: { amountMinor: 45000, currency: "USD" },
    });
    expect(priced.statusCode).toBe(204);
    expect((await run("2027-02-08T09:00:00Z")).json()).toMatchObject({ reminders: 1 });
    const reminder = await t.lastMailTo(learner.email);
    expect(reminder?.subject).toBe("Your CCSMP CPD subscription renews on 10 March 2027");
    expect(reminder?.text).toContain("USD 450.00");
    expect(reminder?.text).toContain("http://pulse.test/profile/billing/cancel");
    expect((await run("2027-02-08T10:00:00Z")).json()).toMatchObject({ reminders: 0 });
    const bad = await t.app.inject({
      method: "PUT",
      url: `/api/admin/billing/plans/${planId("cpd")}/price`,
      headers: { cookie: staff, origin: "http://pulse.test" },
      payload: { amountMinor: -1, currency: "usd" },
    });
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["amountMinor", "currency"]);
  });

  it("a declined renewal: past due with 7 days of access and a mail, then ended", async () => {
    const learner = await subscribe("basic", "0341");
    const end = new Date("2027-03-10T09:00:00Z").getTime();
    clock.set(new Date(end + 60_000));
    await runRenewals(t.ctx);
    expect((await mine(learner.cookie)).subscription).toMatchObject({
      state: "past_due",
      accessUntil: "2027-03-17T09:00:00.000Z",
    });
    expect((await t.lastMailTo(learner.email))?.subject).toBe("We could not renew your CCSMP Basic subscription");
    expect(await openLevels(learner.cookie)).toEqual(["mini.l1"]);
    clock.set(new Date(end + 7 * DAY));
    await runRenewals(t.ctx);
    expect((await mine(learner.cookie)).subscription?.state).toBe("ended");
    expect(await openLevels(learner.cookie)).toEqual([]);
    expect((await t.lastMailTo(learner.email))?.subject).toBe("Your CCSMP Basic subscription has ended");
    clock.set(new Date("2026-03-10T09:00:00Z"));
  });
});
