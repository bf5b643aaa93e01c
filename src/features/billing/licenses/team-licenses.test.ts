import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization, buildPlatformAdmin, buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import type { CatalogResponse } from "../../academy/catalog/contract.js";
import { importContent } from "../../academy/catalog/service.js";
import { addMember } from "../../accounts/organizations/service.js";
import type { PlanList } from "../contract.js";
import type { Licenses, Quote, SeatList } from "./contract.js";
import { issueRenewalInvoices } from "./renewals.js";

const CONTENT = new URL("../../academy/catalog/fixtures", import.meta.url).pathname;

describe.each(TEST_ENGINES)("team licenses bought by purchase order (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  let t: TestApp;
  let plans: PlanList;
  let org: Awaited<ReturnType<typeof buildOrganization>>;
  let staff: Awaited<ReturnType<typeof buildPlatformAdmin>>;

  const call = (method: "GET" | "POST" | "DELETE", url: string, cookie: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie, origin: "http://pulse.test" }, payload: payload as never });
  const planId = (key: string) => plans.plans.find((p) => p.key === key)?.id as string;
  const base = () => `/api/organizations/${org.orgId}/licenses`;
  const openLevels = async (cookie: string) =>
    ((await call("GET", "/api/academy/catalog", cookie)).json() as CatalogResponse).programs
      .flatMap((p) => p.levels)
      .filter((l) => l.lock.open)
      .map((l) => l.key);

  async function buyPool(seats: number, key = "basic") {
    const quote = await call("POST", `${base()}/quotes`, org.owner.cookie, { planId: planId(key), seats });
    expect(quote.statusCode, quote.body).toBe(201);
    const q = quote.json() as Quote;
    const accepted = await call("POST", `${base()}/quotes/${q.id}/accept`, org.owner.cookie, { poNumber: "PO-7781" });
    expect(accepted.statusCode).toBe(200);
    const invoiceId = (accepted.json() as Quote).invoiceId as string;
    const paid = await call("POST", `/api/admin/billing/license-invoices/${invoiceId}/payments`, staff.cookie, {
      method: "bank_transfer",
      reference: "TRX-1",
    });
    expect(paid.statusCode).toBe(200);
    return { quote: q, invoiceId, poolId: paid.json().poolId as string };
  }

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 800 });
    await importContent(t.ctx, CONTENT);
    plans = (await t.app.inject({ method: "GET", url: "/api/billing/plans" })).json();
    org = await buildOrganization(t.ctx, "Acme Learning");
    staff = await buildPlatformAdmin(t.ctx);
  });
  afterAll(async () => t?.close());

  it("quotes 5 seats with the 5-seat tier, invoices them by PO (numbered, net 30), and opens a pool when staff record the payment", async () => {
    const price = plans.plans.find((p) => p.key === "basic")?.price.amountMinor as number;
    const { quote, invoiceId, poolId } = await buyPool(5);
    expect(quote).toMatchObject({ seats: 5, months: 12, discountBps: 1000, status: "open" });
    expect(quote.total.amountMinor).toBe(Math.round(5 * price * 0.9));

    const licenses = (await call("GET", base(), org.owner.cookie)).json() as Licenses;
    const invoice = licenses.invoices.find((i) => i.id === invoiceId);
    expect(invoice).toMatchObject({ status: "paid", poNumber: "PO-7781", orgName: "Acme Learning" });
    expect(invoice?.number).toMatch(/^PUL-\d{6}$/);
    expect(new Date(invoice?.dueAt as string).getTime() - new Date(invoice?.issuedAt as string).getTime()).toBe(
      30 * 86_400_000,
    );
    expect(licenses.pools.find((p) => p.id === poolId)).toMatchObject({
      seats: 5,
      used: 0,
      startsAt: "2026-03-10T09:00:00.000Z",
      endsAt: "2027-03-10T09:00:00.000Z",
    });
    const pdf = await call("GET", invoice?.pdfUrl as string, org.owner.cookie);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const again = await call("POST", `/api/admin/billing/license-invoices/${invoiceId}/payments`, staff.cookie, {});
    expect(again.statusCode).toBe(409);
    const reaccept = await call("POST", `${base()}/quotes/${quote.id}/accept`, org.owner.cookie, { poNumber: "PO-2" });
    expect(reaccept.statusCode).toBe(409);
  });

  it("numbers invoices sequentially per seller", async () => {
    const a = await buyPool(1);
    const b = await buyPool(2);
    const list = ((await call("GET", base(), org.owner.cookie)).json() as Licenses).invoices;
    const n = (id: string) => Number(list.find((i) => i.id === id)?.number.slice(4));
    expect(n(b.invoiceId)).toBe(n(a.invoiceId) + 1);
  });

  it("a seat opens exactly the plan's levels; freeing it closes them and keeps the person's account", async () => {
    const { poolId } = await buyPool(2);
    const member = await buildMember(t.ctx, org.orgId, "member");
    expect(await openLevels(member.cookie)).toEqual([]);
    const seats = await call("POST", `${base()}/${poolId}/seats`, org.owner.cookie, { userId: member.userId });
    expect(seats.statusCode).toBe(200);
    const list = seats.json() as SeatList;
    expect(list.seats).toHaveLength(1);
    expect(await openLevels(member.cookie)).toEqual(["mini.l1"]);
    const seatId = list.seats[0]?.id as string;
    expect((await call("DELETE", `${base()}/${poolId}/seats/${seatId}`, org.owner.cookie)).statusCode).toBe(204);
    expect(await openLevels(member.cookie)).toEqual([]);
    expect(((await call("GET", `${base()}/${poolId}/seats`, org.owner.cookie)).json() as SeatList).seats).toEqual([]);
    expect((await call("DELETE", `${base()}/${poolId}/seats/${seatId}`, org.owner.cookie)).statusCode).toBe(404);
  });

  it("an invited email's seat attaches when that person joins; a full pool refuses more (409)", async () => {
    const { poolId } = await buyPool(1);
    const invited = await call("POST", `${base()}/${poolId}/seats`, org.owner.cookie, {
      email: "Newcomer@Example.test",
    });
    expect(invited.statusCode).toBe(200);
    expect((invited.json() as SeatList).seats[0]).toMatchObject({ attached: false, email: "newcomer@example.test" });
    const other = await buildMember(t.ctx, org.orgId, "member");
    const full = await call("POST", `${base()}/${poolId}/seats`, org.owner.cookie, { userId: other.userId });
    expect(full.statusCode).toBe(409);

    const newcomer = await buildUser(t.ctx, { email: "newcomer@example.test" });
    await addMember(t.ctx.database.db, org.orgId, newcomer.userId, "member");
    const seats = (await call("GET", `${base()}/${poolId}/seats`, org.owner.cookie)).json() as SeatList;
    expect(seats.seats[0]).toMatchObject({ attached: true, userId: newcomer.userId });
    expect(await openLevels(newcomer.cookie)).toEqual(["mini.l1"]);
  });

  it("refuses a non-member, bad input with field errors, and a member's call (403)", async () => {
    const { poolId } = await buyPool(1);
    const stranger = await buildUser(t.ctx);
    const res = await call("POST", `${base()}/${poolId}/seats`, org.owner.cookie, { userId: stranger.userId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("userId");
    const bad = await call("POST", `${base()}/quotes`, org.owner.cookie, { planId: planId("basic"), seats: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("seats");
    const member = await buildMember(t.ctx, org.orgId, "member");
    expect((await call("GET", base(), member.cookie)).statusCode).toBe(403);
  });

  it("prices seats added mid-term by the whole months left and adds them to the pool's term", async () => {
    const { poolId } = await buyPool(5);
    const later = new Date("2026-09-20T09:00:00Z"); // 5 months and 18 days left: 6 whole months
    clock.set(later);
    const res = await call("POST", `${base()}/quotes`, org.owner.cookie, {
      planId: planId("basic"),
      seats: 2,
      poolId,
    });
    expect(res.json()).toMatchObject({ kind: "add_seats", months: 6, seats: 2 });
    const q = res.json() as Quote;
    expect(q.total.amountMinor).toBe(Math.round((2 * q.unitPrice.amountMinor * 6) / 12));
    const accepted = await call("POST", `${base()}/quotes/${q.id}/accept`, org.owner.cookie, { poNumber: "PO-ADD" });
    const invoiceId = (accepted.json() as Quote).invoiceId as string;
    await call("POST", `/api/admin/billing/license-invoices/${invoiceId}/payments`, staff.cookie, {});
    const pool = ((await call("GET", base(), org.owner.cookie)).json() as Licenses).pools.find((p) => p.id === poolId);
    expect(pool).toMatchObject({ seats: 7, endsAt: "2027-03-10T09:00:00.000Z" });
    clock.set(new Date("2026-03-10T09:00:00Z"));
  });

  it("issues the renewal invoice once, 30 days before the term ends; paying it carries the seats to the next term", async () => {
    const other = await buildOrganization(t.ctx, "Renewing Co");
    const saved = org;
    org = other;
    try {
      const { poolId } = await buyPool(2);
      const member = await buildMember(t.ctx, org.orgId, "member");
      await call("POST", `${base()}/${poolId}/seats`, org.owner.cookie, { userId: member.userId });
      clock.set(new Date("2027-02-07T09:00:00Z")); // 31 days before the end
      await issueRenewalInvoices(t.ctx);
      const invoicesOf = async () => ((await call("GET", base(), org.owner.cookie)).json() as Licenses).invoices;
      expect(await invoicesOf()).toHaveLength(1);
      clock.set(new Date("2027-02-08T09:00:00Z")); // 30 days before
      await Promise.all([issueRenewalInvoices(t.ctx), issueRenewalInvoices(t.ctx)]);
      await issueRenewalInvoices(t.ctx);
      const list = await invoicesOf();
      expect(list).toHaveLength(2);
      const renewal = list.find((i) => i.status === "open");
      const paid = await call("POST", `/api/admin/billing/license-invoices/${renewal?.id}/payments`, staff.cookie, {});
      expect(paid.statusCode).toBe(200);
      clock.set(new Date("2027-04-01T09:00:00Z"));
      const pools = ((await call("GET", base(), org.owner.cookie)).json() as Licenses).pools;
      expect(pools.find((p) => p.id === paid.json().poolId)).toMatchObject({
        seats: 2,
        used: 1,
        startsAt: "2027-03-10T09:00:00.000Z",
        endsAt: "2028-03-10T09:00:00.000Z",
      });
      expect(await openLevels(member.cookie)).toEqual(["mini.l1"]);
    } finally {
      org = saved;
      clock.set(new Date("2026-03-10T09:00:00Z"));
    }
  });

  it.runIf(engine === "postgres")("20 concurrent assignments to a 5-seat pool give exactly 5 seats", async () => {
    const { poolId } = await buyPool(5);
    const members = await Promise.all(Array.from({ length: 20 }, () => buildMember(t.ctx, org.orgId, "member")));
    const results = await Promise.all(
      members.map((m) => call("POST", `${base()}/${poolId}/seats`, org.owner.cookie, { userId: m.userId })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    const rows = await t.ctx.database.db.execute(
      sql`select count(*)::int as n from billing_seat_assignments where pool_id = ${poolId} and freed_at is null`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(5);
  });
});
