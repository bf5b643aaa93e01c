import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { generateHealthData } from "../demo-data/service.js";

const CLIENTS = 6_000;

/**
 * The CSV export reads the clients in keyset batches and asks for the next batch while the current one
 * is written: over several batches (and names shared across a batch boundary) every client comes out
 * exactly once, in name order, with its pulse.
 */
describe.each(TEST_ENGINES)("segment export over many batches (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let org: Awaited<ReturnType<typeof buildOrganization>>;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    org = await buildOrganization(t.ctx);
    await generateHealthData(t.ctx.database.db, {
      orgId: org.orgId,
      clients: CLIENTS,
      csmIds: [],
      months: 1,
      today: "2026-11-23",
      usageWeeks: 0,
    });
    // 40 clients named alike, wherever the batch boundaries fall: ties are broken by id.
    await t.ctx.database.db.execute(
      sql`update clients set name = 'Same name' where org_id = ${org.orgId} and external_id in
          (select 'demo-' || g from generate_series(2480, 2519) g)`,
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it("every client once, in name order, each with its current pulse", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/organizations/${org.orgId}/clients/export.csv`,
      headers: { cookie: org.owner.cookie },
    });
    expect(res.statusCode).toBe(200);
    const [header, ...records] = parse(res.body, { bom: true }) as string[][];
    const column = (name: string) => (header as string[]).indexOf(name);
    const expected = (await t.ctx.database.db.execute(
      sql`select external_id, name, current_pulse_rank is not null as pulsed from clients
          where org_id = ${org.orgId} and archived_at is null order by name, id`,
    )) as unknown as { rows: { external_id: string; name: string; pulsed: boolean }[] };
    expect(records).toHaveLength(CLIENTS);
    expect(records.map((r) => r[column("External ID")])).toEqual(expected.rows.map((r) => r.external_id));
    expect(records.map((r) => r[column("Pulse")] !== "")).toEqual(expected.rows.map((r) => r.pulsed));
    expect(records.filter((r) => r[column("Name")] === "Same name")).toHaveLength(40);
  });
});
