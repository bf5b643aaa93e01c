import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";

describe.each(TEST_ENGINES)("clients and pulses on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let owner: { cookie: string; userId: string };
  let csm: { cookie: string; userId: string };
  const call = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, cookie: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${url}`, payload: body, headers: { cookie } });
  const reasonId = async (code: string) =>
    (await call("GET", "/reason-codes", csm.cookie)).json().reasonCodes.find((r: { code: string }) => r.code === code)
      .id;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Health Co");
    orgId = org.orgId;
    owner = org.owner;
    csm = await buildMember(t.ctx, orgId, "member");
  });
  afterAll(async () => t?.close());

  it("creates a client, keeps dated history of type, CSM, status and ARR, and validates fields", async () => {
    const created = await call("POST", "/clients", csm.cookie, {
      name: "Globex",
      clientType: "Enterprise",
      assignedCsmId: csm.userId,
      arrMinor: 12_000_00,
      nextRenewalDate: "2027-02-01",
      clientSince: "2025-01-15",
      tags: ["emea"],
    });
    expect(created.statusCode).toBe(201);
    const client = created.json();
    expect(client).toMatchObject({ name: "Globex", assignedCsmId: csm.userId, pulse: null, arrMinor: 1_200_000 });

    const bad = await call("PATCH", `/clients/${client.id}`, csm.cookie, { arrMinor: -5, nextRenewalDate: "soon" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      arrMinor: "cannot be negative",
      nextRenewalDate: "must be a date (YYYY-MM-DD)",
    });

    clock.advance(86_400_000);
    await call("PATCH", `/clients/${client.id}`, csm.cookie, {
      arrMinor: 15_000_00,
      status: "active",
      name: "Globex Corp",
    });
    const history = (await call("GET", `/clients/${client.id}/history`, csm.cookie)).json().versions;
    expect(history.map((v: { validFrom: string; arrMinor: number }) => [v.validFrom, v.arrMinor])).toEqual([
      ["2025-01-15", 1_200_000],
      ["2026-11-24", 1_500_000],
    ]);
    const stranger = await call("PATCH", `/clients/${client.id}`, csm.cookie, {
      assignedCsmId: "00000000-0000-4000-8000-000000000000",
    });
    expect(stranger.json().error.fields.assignedCsmId).toBe("is not a member of this organization");
  });

  it("sets pulses with a note and up to three reasons, and corrects one with a new entry", async () => {
    const client = (await call("POST", "/clients", csm.cookie, { name: "Initech", assignedCsmId: csm.userId })).json();
    const tooMany = await call("POST", `/clients/${client.id}/pulses`, csm.cookie, {
      level: "high_risk",
      reasonCodeIds: await Promise.all(["budget_cuts", "low_adoption", "champion_left", "layoffs"].map(reasonId)),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields.reasonCodeIds).toBe("at most three reasons");

    const first = await call("POST", `/clients/${client.id}/pulses`, csm.cookie, {
      level: "high_risk",
      note: "Budget frozen until Q2",
      reasonCodeIds: [await reasonId("budget_cuts")],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      level: "high_risk",
      note: "Budget frozen until Q2",
      reasons: [{ code: "budget_cuts" }],
    });

    clock.advance(3600_000);
    const fix = await call("POST", `/clients/${client.id}/pulses`, csm.cookie, {
      level: "some_risk",
      note: "Typo: it was some risk",
      reasonCodeIds: [await reasonId("budget_cuts")],
      correctsEntryId: first.json().id,
    });
    expect(fix.json().correctsEntryId).toBe(first.json().id);
    const again = await call("POST", `/clients/${client.id}/pulses`, csm.cookie, {
      level: "satisfied",
      correctsEntryId: first.json().id,
    });
    expect(again.statusCode).toBe(409);

    const history = (await call("GET", `/clients/${client.id}/pulses`, csm.cookie)).json().entries;
    expect(history).toHaveLength(2);
    expect(history.find((e: { id: string }) => e.id === first.json().id).correctedByEntryId).toBe(fix.json().id);
    const now = (await call("GET", `/clients/${client.id}`, csm.cookie)).json();
    expect(now.pulse).toMatchObject({ level: "some_risk", stale: false });

    const future = await call("POST", `/clients/${client.id}/pulses`, csm.cookie, {
      level: "satisfied",
      effectiveAt: "2030-01-01T00:00:00Z",
    });
    expect(future.json().error.fields.effectiveAt).toBe("is in the future");
  });

  it("retires a used reason code instead of deleting it, and refuses it for new pulses", async () => {
    const client = (await call("POST", "/clients", csm.cookie, { name: "Umbrella" })).json();
    const id = await reasonId("pricing_concern");
    await call("POST", `/clients/${client.id}/pulses`, csm.cookie, { level: "some_risk", reasonCodeIds: [id] });
    expect((await call("DELETE", `/reason-codes/${id}`, csm.cookie)).statusCode).toBe(403);
    expect((await call("DELETE", `/reason-codes/${id}`, owner.cookie)).json()).toEqual({ result: "retired" });
    const refused = await call("POST", `/clients/${client.id}/pulses`, csm.cookie, {
      level: "some_risk",
      reasonCodeIds: [id],
    });
    expect(refused.json().error.fields["reasonCodeIds.0"]).toBe("is retired");
    const history = (await call("GET", `/clients/${client.id}/pulses`, csm.cookie)).json().entries;
    expect(history[0].reasons[0].code).toBe("pricing_concern");
    const created = await call("POST", "/reason-codes", owner.cookie, {
      code: "new_ceo",
      label: "New CEO",
      category: "Organization",
      kind: "both",
    });
    expect(created.statusCode).toBe(201);
    expect((await call("DELETE", `/reason-codes/${created.json().id}`, owner.cookie)).json()).toEqual({
      result: "deleted",
    });
  });

  it("scores clients, explains each component, marks stale pulses and versions the formula", async () => {
    const client = (await call("POST", "/clients", csm.cookie, { name: "Hooli" })).json();
    await call("POST", `/clients/${client.id}/pulses`, csm.cookie, { level: "very_satisfied" });
    const score = (await call("GET", `/clients/${client.id}/success-score`, csm.cookie)).json();
    expect(score).toMatchObject({ score: 80, band: "healthy", formulaVersion: 1 });
    expect(score.components).toEqual([expect.objectContaining({ key: "pulse", weight: 1, contribution: 80 })]);

    clock.advance(40 * 86_400_000);
    const later = (await call("GET", `/clients/${client.id}/success-score`, csm.cookie)).json();
    expect(later.score).toBeLessThan(80);
    expect(later.pulseStale).toBe(true);
    expect(later.movement[0]).toMatchObject({ key: "pulse" });
    expect((await call("GET", `/clients/${client.id}`, csm.cookie)).json().pulse.stale).toBe(true);

    const formula = await call("PUT", "/success-score/formula", owner.cookie, { weights: { pulse: 50, usage: 50 } });
    expect(formula.json().version).toBe(2);
    expect(
      (await call("PUT", "/success-score/formula", csm.cookie, { weights: { pulse: 1, usage: 1 } })).statusCode,
    ).toBe(403);
  });

  it("never shows one organization's clients or pulses to another", async () => {
    const client = (await call("POST", "/clients", csm.cookie, { name: "Secret Client" })).json();
    const other = await buildOrganization(t.ctx, "Other Co");
    for (const path of [`/clients/${client.id}`, `/clients/${client.id}/pulses`, "/clients"]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/organizations/${orgId}${path}`,
        headers: { cookie: other.owner.cookie },
      });
      expect(res.statusCode).toBe(404);
    }
    const theirs = await t.app.inject({
      method: "GET",
      url: `/api/organizations/${other.orgId}/clients/${client.id}`,
      headers: { cookie: other.owner.cookie },
    });
    expect(theirs.statusCode).toBe(404);
    const list = await t.app.inject({
      method: "GET",
      url: `/api/organizations/${other.orgId}/clients`,
      headers: { cookie: other.owner.cookie },
    });
    expect(list.json().total).toBe(0);
  });
});
