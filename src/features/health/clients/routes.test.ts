import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";

type Person = { cookie: string; userId: string };

describe.each(TEST_ENGINES)("client list sorting and contacts on %s", (engine) => {
  let t: TestApp;
  let orgId: string;
  let manager: Person; // "A manager"
  let member: Person; // "A member"
  const api = (method: "GET" | "POST" | "PATCH", url: string, body?: object) =>
    t.app.inject({
      method,
      url: `/api/organizations/${orgId}${url}`,
      payload: body,
      headers: { cookie: member.cookie },
    });
  const names = async (sort: string) => {
    const res = await api("GET", `/clients?sort=${sort}`);
    expect(res.statusCode).toBe(200);
    return res.json().clients.map((c: { name: string }) => c.name);
  };

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock: fixedClock(new Date("2026-11-23T10:00:00Z")) });
    orgId = (await buildOrganization(t.ctx, "Sort Co")).orgId;
    manager = await buildMember(t.ctx, orgId, "manager");
    member = await buildMember(t.ctx, orgId, "member");
    const clients = [
      { name: "Delta", clientType: "SMB", assignedCsmId: member.userId, status: "churned" },
      { name: "Alpha", clientType: "", assignedCsmId: null, status: "active" },
      { name: "Charlie", clientType: "Enterprise", assignedCsmId: manager.userId, status: "onboarding" },
      { name: "Bravo", clientType: "Mid-market", assignedCsmId: member.userId, status: "at_risk" },
    ];
    for (const c of clients) expect((await api("POST", "/clients", c)).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it("sorts by client type, empty types last either way", async () => {
    expect(await names("type")).toEqual(["Charlie", "Bravo", "Delta", "Alpha"]);
    expect(await names("-type")).toEqual(["Delta", "Bravo", "Charlie", "Alpha"]);
  });

  it("sorts by the CSM's name, unassigned last, ties by client name", async () => {
    expect(await names("csm")).toEqual(["Charlie", "Bravo", "Delta", "Alpha"]);
    expect(await names("-csm")).toEqual(["Bravo", "Delta", "Charlie", "Alpha"]);
  });

  it("sorts by status in lifecycle order (onboarding, active, at risk, churned, inactive)", async () => {
    expect(await names("status")).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    expect(await names("-status")).toEqual(["Delta", "Bravo", "Alpha", "Charlie"]);
  });

  it("refuses an unknown sort with the field and the choices", async () => {
    const res = await api("GET", "/clients?sort=profit");
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(["sort"]);
  });

  it("edits contacts: replaces the list, validates each contact's fields", async () => {
    const id = (await api("GET", "/clients?sort=name")).json().clients[0].id as string;
    const contacts = [
      { name: "Ada Buyer", email: "ada@alpha.test", title: "VP Ops", primary: true },
      { name: "Bo Admin", phone: "+1 555 0100" },
    ];
    const saved = await api("PATCH", `/clients/${id}`, { contacts });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().contacts).toEqual(contacts);
    const bad = await api("PATCH", `/clients/${id}`, { contacts: [{ name: " ", email: "nope" }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      "contacts.0.name": "is required",
      "contacts.0.email": "must be a valid email address",
    });
    expect((await api("GET", `/clients/${id}`)).json().contacts).toEqual(contacts);
  });
});
