import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";

describe.each(TEST_ENGINES)("client facets on %s", (engine) => {
  let t: TestApp;
  let orgId: string;
  let cookie: string;
  let csmId: string;
  const api = (method: "GET" | "POST" | "PATCH", url: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${url}`, payload: body, headers: { cookie } });
  const facets = async () => {
    const res = await api("GET", "/reports/facets");
    expect(res.statusCode).toBe(200);
    return res.json() as { clientTypes: string[]; csms: { id: string; name: string }[] };
  };
  const sentDuring = async (fn: () => Promise<unknown>) => {
    const seen: string[] = [];
    const stop = t.ctx.database.observeQueries((text) => seen.push(text));
    await fn().finally(stop);
    return seen;
  };

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    const org = await buildOrganization(t.ctx, "Facet Co");
    orgId = org.orgId;
    cookie = org.owner.cookie;
    csmId = (await buildMember(t.ctx, orgId, "member")).userId;
    // Another organization's types never show.
    const other = await buildOrganization(t.ctx, "Other Co");
    await t.app.inject({
      method: "POST",
      url: `/api/organizations/${other.orgId}/clients`,
      payload: { name: "Elsewhere", clientType: "Government" },
      headers: { cookie: other.owner.cookie },
    });
    for (const c of [
      { name: "A", clientType: "SMB" },
      { name: "B", clientType: "Enterprise" },
      { name: "C", clientType: "SMB" },
    ]) {
      expect((await api("POST", "/clients", c)).statusCode).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it("reads the types and CSMs over the clients once, then from the organization's cache", async () => {
    expect(await facets()).toMatchObject({ clientTypes: ["Enterprise", "SMB"], csms: [] });
    const sent = await sentDuring(async () => {
      for (let i = 0; i < 3; i++) expect((await facets()).clientTypes).toEqual(["Enterprise", "SMB"]);
    });
    expect(sent.filter((q) => /distinct/i.test(q) || /from "?clients"?/i.test(q))).toEqual([]);
  });

  it("shows a new type or CSM at once when clients change here", async () => {
    await facets();
    const created = await api("POST", "/clients", { name: "D", clientType: "Mid-market" });
    expect(created.statusCode).toBe(201);
    expect((await facets()).clientTypes).toEqual(["Enterprise", "Mid-market", "SMB"]);
    expect((await api("PATCH", `/clients/${created.json().id}`, { assignedCsmId: csmId })).statusCode).toBe(200);
    expect((await facets()).csms).toEqual([{ id: csmId, name: "A member" }]);
  });
});
