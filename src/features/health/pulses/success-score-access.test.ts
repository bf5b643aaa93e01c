import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { usageFigures } from "../clients/schema.js";
import { addDays } from "../segments/quarters.js";

describe.each(TEST_ENGINES)("SuccessScore of another organization's client on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let a: Awaited<ReturnType<typeof buildOrganization>>;
  let b: Awaited<ReturnType<typeof buildOrganization>>;
  let clientOfA: string;
  const get = (orgId: string, path: string, cookie: string) =>
    t.app.inject({ method: "GET", url: `/api/organizations/${orgId}${path}`, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    a = await buildOrganization(t.ctx, "Owner of the client");
    b = await buildOrganization(t.ctx, "Curious neighbour");
    const created = await t.app.inject({
      method: "POST",
      url: `/api/organizations/${a.orgId}/clients`,
      payload: { name: "Usage Secret Inc" },
      headers: { cookie: a.owner.cookie },
    });
    clientOfA = created.json().id;
    // Twelve weeks of falling usage: a trend worth hiding.
    await t.ctx.database.db.insert(usageFigures).values(
      Array.from({ length: 12 }, (_, i) => ({
        orgId: a.orgId,
        clientId: clientOfA,
        metric: "weekly_active_users",
        weekStart: addDays("2026-11-16", -7 * (11 - i)),
        value: i < 8 ? 100 : 20,
      })),
    );
  });
  afterAll(async () => t?.close());

  it("shows the owner the usage trend (the data the leak exposed)", async () => {
    const own = await get(a.orgId, `/clients/${clientOfA}/success-score`, a.owner.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.json().components.map((c: { key: string }) => c.key)).toContain("usage");
  });

  it("answers 404 for a foreign client id under one's own organization", async () => {
    for (const path of [
      `/clients/${clientOfA}/success-score`,
      `/clients/${clientOfA}/success-score/compare?versions=1`,
    ]) {
      const res = await get(b.orgId, path, b.owner.cookie);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain("usage");
    }
  });

  it("answers 404 for an unknown client id", async () => {
    const res = await get(a.orgId, "/clients/00000000-0000-4000-8000-000000000000/success-score", a.owner.cookie);
    expect(res.statusCode).toBe(404);
  });
});
