import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";

describe.each(TEST_ENGINES)("home on %s", (engine) => {
  const clock = fixedClock(new Date("2026-06-15T12:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let owner: string;
  let csm: { userId: string; cookie: string };
  let other: { userId: string; cookie: string };
  let manager: { userId: string; cookie: string };
  const ids: Record<string, string> = {};
  const call = (cookie: string, method: "GET" | "POST" | "PUT", path: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${path}`, payload: body, headers: { cookie } });
  const pulse = async (name: string, level: string) =>
    expect((await call(owner, "POST", `/clients/${ids[name]}/pulses`, { level })).statusCode).toBe(201);

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Home Co");
    orgId = org.orgId;
    owner = org.owner.cookie;
    csm = await buildMember(t.ctx, orgId, "member");
    other = await buildMember(t.ctx, orgId, "member");
    manager = await buildMember(t.ctx, orgId, "manager");
    for (const member of [csm, other]) {
      const res = await call(owner, "PUT", `/members/${member.userId}/manager`, { managerUserId: manager.userId });
      expect(res.statusCode).toBe(200);
    }
    const create = async (name: string, body: object) => {
      const res = await call(owner, "POST", "/clients", { name, effectiveDate: "2026-01-01", ...body });
      expect(res.statusCode).toBe(201);
      ids[name] = res.json().id;
    };
    await create("Acme", { arrMinor: 100_000_00, assignedCsmId: csm.userId, nextRenewalDate: "2026-07-01" });
    await create("Birch", { arrMinor: 50_000_00, assignedCsmId: csm.userId, nextRenewalDate: "2026-08-20" });
    await create("Cobalt", { arrMinor: 30_000_00, assignedCsmId: csm.userId });
    await create("Dune", { arrMinor: 20_000_00, assignedCsmId: other.userId, nextRenewalDate: "2026-06-30" });
    // Acme falls from very satisfied to severe risk within the last week; Cobalt's pulse goes stale.
    await pulse("Cobalt", "satisfied");
    clock.advance(60 * 86_400_000); // 2026-08-14
    await pulse("Acme", "very_satisfied");
    await pulse("Birch", "some_risk");
    await pulse("Dune", "high_risk");
    clock.advance(10 * 86_400_000); // 2026-08-24
    await pulse("Acme", "severe_risk");
  });
  afterAll(async () => t?.close());

  it("shows a CSM their book: ARR at risk and its share, renewals, stale pulses, alerts, movers", async () => {
    const res = await call(csm.cookie, "GET", "/home");
    expect(res.statusCode).toBe(200);
    const home = res.json();
    expect(home).toMatchObject({ role: "member", team: null, portfolio: null, today: "2026-08-24" });
    const book = home.myBook;
    expect(book.clients).toMatchObject({ count: 3, value: 180_000_00 });
    expect(book.clients.link).toEqual({
      path: "/pulse/reports/health",
      search: { assignedTo: csm.userId, measure: "arr" },
    });
    expect(book.atRisk).toMatchObject({ count: 2, value: 150_000_00, share: 83.3 });
    expect(book.atRisk.link.search.levels).toBe("severe_risk,high_risk,some_risk");
    // Acme's renewal moved past (2026-07-01); Birch renews 2026-08-20, also past. None within 90 days.
    expect(book.renewals.map((r: { count: number }) => r.count)).toEqual([0, 0, 0]);
    expect(book.stale).toMatchObject({ count: 1, value: 30_000_00, staleAfterDays: 30 });
    expect(book.unclaimedAlerts.count).toBeTypeOf("number");
    expect(book.movers).toEqual([
      expect.objectContaining({ name: "Acme", level: "severe_risk", previousLevel: "very_satisfied", change: -4 }),
    ]);
  });

  it("lists renewals in the next 30/60/90 days with their pulse", async () => {
    await call(owner, "PATCH" as "PUT", `/clients/${ids.Birch}`, { nextRenewalDate: "2026-10-01" });
    const book = (await call(csm.cookie, "GET", "/home")).json().myBook;
    expect(book.renewals.map((r: { count: number }) => r.count)).toEqual([0, 1, 1]);
    expect(book.renewals[1].link.search).toMatchObject({ renewalFrom: "2026-08-24", renewalTo: "2026-10-23" });
    expect(book.renewingClients).toEqual([
      expect.objectContaining({ name: "Birch", level: "some_risk", nextRenewalDate: "2026-10-01" }),
    ]);
  });

  it("shows a manager each CSM on their team side by side", async () => {
    const home = (await call(manager.cookie, "GET", "/home")).json();
    expect(home.role).toBe("manager");
    expect(home.portfolio).toBeNull();
    const byCsm = Object.fromEntries(
      home.team.map((b: { csmId: string; clients: { count: number } }) => [b.csmId, b.clients.count]),
    );
    expect(byCsm).toEqual({ [csm.userId]: 3, [other.userId]: 1 });
    expect(home.myBook.clients.count).toBe(0);
  });

  it("shows owners the portfolio: ARR by level for 12 months, at-risk renewals this quarter, risk reasons", async () => {
    const home = (await call(owner, "GET", "/home")).json();
    expect(home.role).toBe("owner");
    expect(home.team).toBeNull();
    const p = home.portfolio;
    expect(p.months).toHaveLength(12);
    expect(p.months.at(-1)).toMatchObject({ asOf: "2026-08-24", risk: 170_000_00, satisfied: 30_000_00 });
    expect(p.months.at(-2)).toMatchObject({ asOf: "2026-07-31", satisfied: 30_000_00 });
    expect(p.months.at(-2).link.search).toEqual({ measure: "arr", asOf: "2026-07-31" });
    expect(p.months[0].asOf).toBe("2025-09-30");
    // Q3 (fiscal year from January) ends 2026-09-30: no at-risk renewal left in it (Birch renews in October).
    expect(p.atRiskRenewingThisQuarter).toMatchObject({ count: 0, from: "2026-08-24", to: "2026-09-30" });
    expect(Array.isArray(p.riskReasons)).toBe(true);
  });

  it("answers only members of the organization", async () => {
    const stranger = await buildOrganization(t.ctx, "Elsewhere");
    const res = await call(stranger.owner.cookie, "GET", "/home");
    expect(res.statusCode).toBe(404);
    const theirs = (
      await t.app.inject({
        method: "GET",
        url: `/api/organizations/${stranger.orgId}/home`,
        headers: { cookie: stranger.owner.cookie },
      })
    ).json();
    expect(theirs.myBook.clients.count).toBe(0);
    expect(theirs.portfolio.months.at(-1).risk).toBe(0);
  });
});
