import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";

/** Issue 9 item 13: a correction keeps the corrected entry's date, so fixing history never moves the present. */
describe.each(TEST_ENGINES)("pulse corrections on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let csm: { cookie: string; userId: string };
  const call = (method: "GET" | "POST", url: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${url}`, payload: body, headers: { cookie: csm.cookie } });
  const alertEntries = async (clientId: string) =>
    (
      (await t.ctx.database.db.execute(
        sql`select pulse_entry_id from alerts where client_id = ${clientId} order by raised_at`,
      )) as unknown as { rows: { pulse_entry_id: string }[] }
    ).rows.map((r) => r.pulse_entry_id);
  const pulse = async (clientId: string, body: object) => {
    clock.advance(60_000);
    const res = await call("POST", `/clients/${clientId}/pulses`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; level: string; effectiveAt: string; correctsEntryId: string | null };
  };

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "History Co");
    orgId = org.orgId;
    csm = await buildMember(t.ctx, orgId, "member");
  });
  afterAll(async () => t?.close());

  it("dates a correction like the entry it corrects: the November pulse stays current and no alert is raised", async () => {
    const client = (await call("POST", "/clients", { name: "Octember Ltd", assignedCsmId: csm.userId })).json();
    const october = await pulse(client.id, { level: "satisfied", effectiveAt: "2026-10-15T09:00:00Z" });
    const november = await pulse(client.id, { level: "very_satisfied", effectiveAt: "2026-11-20T09:00:00Z" });
    await t.ctx.jobs.drain();

    const fix = await pulse(client.id, { level: "high_risk", note: "It was worse", correctsEntryId: october.id });
    expect(fix.effectiveAt).toBe("2026-10-15T09:00:00.000Z");
    expect((await call("GET", `/clients/${client.id}`)).json().pulse).toMatchObject({ level: "very_satisfied" });
    await t.ctx.jobs.drain();
    expect(await alertEntries(client.id)).toEqual([]);

    // The score reads the current pulse too: still November's.
    const score = (await call("GET", `/clients/${client.id}/success-score`)).json();
    expect(score.band).toBe("healthy");

    // Correcting the current entry to a risk level crosses the threshold: that raises the alert.
    const current = await pulse(client.id, { level: "high_risk", correctsEntryId: november.id });
    expect(current.effectiveAt).toBe("2026-11-20T09:00:00.000Z");
    expect((await call("GET", `/clients/${client.id}`)).json().pulse).toMatchObject({ level: "high_risk" });
    await t.ctx.jobs.drain();
    expect(await alertEntries(client.id)).toEqual([current.id]);
  });

  it("takes an effective date given with the correction", async () => {
    const client = (await call("POST", "/clients", { name: "Redated Co" })).json();
    const entry = await pulse(client.id, { level: "satisfied", effectiveAt: "2026-10-15T09:00:00Z" });
    const fix = await pulse(client.id, {
      level: "satisfied",
      correctsEntryId: entry.id,
      effectiveAt: "2026-10-01T00:00:00Z",
    });
    expect(fix.effectiveAt).toBe("2026-10-01T00:00:00.000Z");
  });
});
