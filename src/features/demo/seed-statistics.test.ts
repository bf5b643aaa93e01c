import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test-support/test-app.js";
import { fixedClock } from "../../kernel/clock.js";
import { ReportFilterQuery } from "../health/reports/contract.js";
import { reportClients } from "../health/reports/report-sql.js";
import { seedDemo } from "./seed.js";

/**
 * PGlite has no autovacuum, so nothing gathers planner statistics unless Pulse does. Without them the
 * planner took every table for one row and ran the demo's "as of" report as a nested loop of span lookups
 * (16 s on 3,000 clients). After seeding, the tables are analyzed and the report joins by hash.
 */
describe("demo seed on PGlite", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine: "pglite", clock: fixedClock(new Date("2026-11-23T12:00:00Z")) });
  });
  afterAll(async () => t?.close());

  it("leaves planner statistics behind, so an 'as of' report plans hash joins", async () => {
    const db = t.ctx.database.db;
    const estimate = async () =>
      Number(
        (
          (await db.execute(sql`select reltuples from pg_class where relname = 'pulse_entries'`)) as unknown as {
            rows: { reltuples: number }[];
          }
        ).rows[0]?.reltuples,
      );
    expect(await estimate()).toBeLessThan(0); // never analyzed
    const seeded = await seedDemo(t.ctx, { clients: 300 });
    expect(seeded.pulses).toBeGreaterThan(300);
    expect(await estimate()).toBeGreaterThan(300);

    const org = (
      (await db.execute(sql`select org_id from clients limit 1`)) as unknown as {
        rows: { org_id: string }[];
      }
    ).rows[0]?.org_id as string;
    const filter = ReportFilterQuery.parse({ asOf: "2026-03-31" });
    const plan = (
      (await db.execute(
        sql`explain with ${reportClients(org, filter, t.ctx.clock.now(), { reasons: true })} select count(*) from b`,
      )) as unknown as { rows: Record<string, string>[] }
    ).rows
      .map((r) => Object.values(r)[0])
      .join("\n");
    expect(plan).toContain("Hash");
    expect(plan).not.toContain("Nested Loop");
  });
});
