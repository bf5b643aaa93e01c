import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";

describe.each(TEST_ENGINES)("pulse reports on %s", (engine) => {
  const clock = fixedClock(new Date("2026-06-01T12:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let cookie: string;
  let csmId: string;
  const ids: Record<string, string> = {};
  const api = (method: "GET" | "POST" | "PATCH", path: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${path}`, payload: body, headers: { cookie } });
  const reason = async (code: string) =>
    (await api("GET", "/reason-codes")).json().reasonCodes.find((r: { code: string }) => r.code === code).id;
  const pulse = async (name: string, level: string, codes: string[] = []) => {
    const res = await api("POST", `/clients/${ids[name]}/pulses`, {
      level,
      reasonCodeIds: await Promise.all(codes.map(reason)),
    });
    expect(res.statusCode).toBe(201);
  };

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Report Co");
    orgId = org.orgId;
    cookie = org.owner.cookie;
    csmId = (await buildMember(t.ctx, orgId, "member")).userId;
    const create = async (name: string, body: object) => {
      ids[name] = (await api("POST", "/clients", { name, effectiveDate: "2026-01-01", ...body })).json().id;
    };
    await create("Acme", {
      clientType: "Enterprise",
      arrMinor: 100_000_00,
      assignedCsmId: csmId,
      nextRenewalDate: "2026-09-30",
    });
    await create("Birch", { clientType: "Enterprise", arrMinor: 50_000_00, nextRenewalDate: "2027-02-01" });
    await create("Cobalt", { clientType: "SMB", arrMinor: 10_000_00, assignedCsmId: csmId });
    await create("Dune", { clientType: "SMB", arrMinor: 5_000_00 });
    // June 1st: Acme is satisfied, Birch at high risk, Cobalt at some risk, Dune has no pulse.
    await pulse("Acme", "satisfied", ["usage_growing"]);
    await pulse("Birch", "high_risk", ["budget_cuts", "champion_left"]);
    await pulse("Cobalt", "some_risk", ["budget_cuts"]);
    // Two months later Acme drops to severe risk and Birch's ARR and type change.
    clock.advance(61 * 86_400_000);
    await pulse("Acme", "severe_risk", ["churn_intent"]);
    await api("PATCH", `/clients/${ids.Birch}`, { arrMinor: 80_000_00, clientType: "Strategic" });
  });
  afterAll(async () => t?.close());

  it("counts clients per level with Satisfied vs Risk and lists them with 90-day trends", async () => {
    const r = (await api("GET", "/reports/pulse-health")).json();
    const count = Object.fromEntries(r.slices.map((s: { level: string; count: number }) => [s.level, s.count]));
    expect(count).toMatchObject({ severe_risk: 1, high_risk: 1, some_risk: 1, satisfied: 0, none: 1 });
    expect(r.risk).toMatchObject({ count: 3, percent: 100 });
    expect(r.clientTotal).toBe(4);
    expect(r.clients.map((c: { name: string }) => c.name)).toEqual(["Acme", "Birch", "Cobalt", "Dune"]);
    expect(r.clients[0].trend.map((p: { rank: number }) => p.rank)).toEqual([4, 1]);
  });

  it("measures by ARR and narrows the list to a clicked slice", async () => {
    const r = (await api("GET", "/reports/pulse-health?measure=arr&levels=high_risk,severe_risk")).json();
    const value = Object.fromEntries(r.slices.map((s: { level: string; value: number }) => [s.level, s.value]));
    expect(value).toMatchObject({
      severe_risk: 100_000_00,
      high_risk: 80_000_00,
      some_risk: 10_000_00,
      none: 5_000_00,
    });
    expect(r.clients.map((c: { name: string }) => c.name)).toEqual(["Acme", "Birch"]);
    expect(r.clients[1].value).toBe(80_000_00);
    const byValue = (await api("GET", "/reports/pulse-health?measure=arr&sort=-value")).json();
    expect(byValue.clients.map((c: { name: string }) => c.name)).toEqual(["Acme", "Birch", "Cobalt", "Dune"]);
    const reasonsByValue = await api("GET", "/reports/pulse-reasons?sort=value");
    expect(reasonsByValue.statusCode).toBe(200);
  });

  it("shows every client's pulse and fields as they were on an earlier date", async () => {
    const r = (await api("GET", "/reports/pulse-health?asOf=2026-06-15&measure=arr")).json();
    const level = Object.fromEntries(r.clients.map((c: { name: string; level: string | null }) => [c.name, c.level]));
    expect(level).toEqual({ Acme: "satisfied", Birch: "high_risk", Cobalt: "some_risk", Dune: null });
    expect(r.slices.find((s: { level: string }) => s.level === "high_risk").value).toBe(50_000_00);
    const enterprise = (await api("GET", "/reports/pulse-health?asOf=2026-06-15&clientTypes=Enterprise")).json();
    expect(enterprise.clientTotal).toBe(2);
    const before = (await api("GET", "/reports/pulse-health?asOf=2025-12-31")).json();
    expect(before.clientTotal).toBe(0);
  });

  it("filters by CSM, renewal range and last update", async () => {
    const mine = (await api("GET", `/reports/pulse-health?assignedTo=${csmId}`)).json();
    expect(mine.clients.map((c: { name: string }) => c.name)).toEqual(["Acme", "Cobalt"]);
    const unassigned = (await api("GET", "/reports/pulse-health?assignedTo=unassigned")).json();
    expect(unassigned.clients.map((c: { name: string }) => c.name)).toEqual(["Birch", "Dune"]);
    const renewing = (await api("GET", "/reports/pulse-health?renewalFrom=2026-07-01&renewalTo=2026-12-31")).json();
    expect(renewing.clients.map((c: { name: string }) => c.name)).toEqual(["Acme"]);
    const recent = (await api("GET", "/reports/pulse-health?updatedFrom=2026-07-15")).json();
    expect(recent.clients.map((c: { name: string }) => c.name)).toEqual(["Acme"]);
    const bad = await api("GET", "/reports/pulse-health?renewalFrom=tomorrow&measure=euros");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["measure", "renewalFrom"]);
  });

  it("breaks the current pulses down by reason, filters by level and drills into a reason", async () => {
    const r = (await api("GET", "/reports/pulse-reasons")).json();
    expect(r.reasons.map((x: { code: string; count: number }) => [x.code, x.count])).toEqual([
      ["budget_cuts", 2],
      ["champion_left", 1],
      ["churn_intent", 1],
    ]);
    expect(r.reasons[0]).toMatchObject({ category: "Commercial", kind: "risk" });
    expect(r.totals.count).toBe(4);
    expect(r.withoutReason.count).toBe(1); // Dune, no pulse
    const severe = (await api("GET", "/reports/pulse-reasons?levels=severe_risk&measure=arr")).json();
    expect(severe.reasons).toEqual([expect.objectContaining({ code: "churn_intent", value: 100_000_00 })]);
    const budget = r.reasons[0].reasonCodeId;
    const drill = (await api("GET", `/reports/pulse-reasons?reasonCodeId=${budget}`)).json();
    expect(drill.clients.map((c: { name: string }) => c.name)).toEqual(["Birch", "Cobalt"]);
    const asOf = (await api("GET", "/reports/pulse-reasons?asOf=2026-06-15")).json();
    expect(asOf.reasons.map((x: { code: string }) => x.code)).toContain("usage_growing");
  });

  it("keeps each organization's reports to itself", async () => {
    const other = await buildOrganization(t.ctx, "Elsewhere");
    const res = await t.app.inject({
      method: "GET",
      url: `/api/organizations/${orgId}/reports/pulse-health`,
      headers: { cookie: other.owner.cookie },
    });
    expect(res.statusCode).toBe(404);
    const theirs = await t.app.inject({
      method: "GET",
      url: `/api/organizations/${other.orgId}/reports/pulse-health`,
      headers: { cookie: other.owner.cookie },
    });
    expect(theirs.json().totals.count).toBe(0);
    const facets = (await api("GET", "/reports/facets")).json();
    expect(facets.clientTypes).toEqual(["Enterprise", "SMB", "Strategic"]);
  });

  it("reads the current reasons of a corrected pulse from the correction, and drills as of a date too", async () => {
    const entryId = (await api("GET", `/clients/${ids.Cobalt}/pulses`)).json().entries[0].id as string;
    const corrected = await api("POST", `/clients/${ids.Cobalt}/pulses`, {
      level: "some_risk",
      reasonCodeIds: [await reason("usage_declining")],
      correctsEntryId: entryId,
      note: "Wrong reason",
    });
    expect(corrected.statusCode).toBe(201);
    const r = (await api("GET", "/reports/pulse-reasons")).json();
    expect(r.reasons.map((x: { code: string; count: number }) => [x.code, x.count])).toEqual([
      ["budget_cuts", 1],
      ["champion_left", 1],
      ["churn_intent", 1],
      ["usage_declining", 1],
    ]);
    const declining = r.reasons.find((x: { code: string }) => x.code === "usage_declining").reasonCodeId;
    const drill = (await api("GET", `/reports/pulse-reasons?reasonCodeId=${declining}`)).json();
    expect(drill.clientTotal).toBe(1);
    expect(drill.clients.map((c: { name: string }) => c.name)).toEqual(["Cobalt"]);
    // As of mid-June, Acme's first pulse (usage growing) was its current one.
    const growing = (await api("GET", "/reports/pulse-reasons?asOf=2026-06-15")).json();
    const grow = growing.reasons.find((x: { code: string }) => x.code === "usage_growing").reasonCodeId;
    const asOfDrill = (await api("GET", `/reports/pulse-reasons?asOf=2026-06-15&reasonCodeId=${grow}`)).json();
    expect(asOfDrill.clientTotal).toBe(1);
    expect(asOfDrill.clients.map((c: { name: string }) => c.name)).toEqual(["Acme"]);
    // The correction takes the corrected June entry's date: as of mid-June Cobalt is at the corrected
    // level with the corrected reason, and only Dune has no pulse.
    const june = (await api("GET", "/reports/pulse-health?asOf=2026-06-15&levels=none")).json();
    expect(june.clients.map((c: { name: string }) => c.name)).toEqual(["Dune"]);
    const juneReasons = (await api("GET", `/reports/pulse-reasons?asOf=2026-06-15&reasonCodeId=${declining}`)).json();
    expect(juneReasons.clients.map((c: { name: string }) => c.name)).toEqual(["Cobalt"]);
    const now = (await api("GET", "/reports/pulse-health?asOf=2026-08-01&levels=some_risk")).json();
    expect(now.clients.map((c: { name: string }) => c.name)).toEqual(["Cobalt"]);
  });

  it("filters 'as of' a date on the renewal date then known, not today's", async () => {
    // Acme renews: from today its next renewal is a year later. Earlier dates still see September 2026.
    const renewed = await api("PATCH", `/clients/${ids.Acme}`, { nextRenewalDate: "2027-09-30" });
    expect(renewed.statusCode).toBe(200);
    const window = "renewalFrom=2026-07-01&renewalTo=2026-12-31";
    const today = (await api("GET", `/reports/pulse-health?${window}`)).json();
    expect(today.clients.map((c: { name: string }) => c.name)).toEqual([]);
    const june = (await api("GET", `/reports/pulse-health?asOf=2026-06-15&${window}`)).json();
    expect(june.clients.map((c: { name: string; nextRenewalDate: string }) => [c.name, c.nextRenewalDate])).toEqual([
      ["Acme", "2026-09-30"],
    ]);
  });
});
