import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../../../../test-support/factories.js";
import {
  reasonCopyMismatches,
  recomputeSpansAsMigrationDoes,
  spansOf,
  versionCopyMismatches,
} from "../../../../test-support/health-spans.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { ReportFilterQuery } from "../reports/contract.js";
import { pulseHealthReport } from "../reports/service.js";
import { healthReport } from "../reports/store.js";
import { isCurrent, snapshotState } from "../snapshots/store.js";
import { generateHealthData } from "./service.js";

describe.each(TEST_ENGINES)("generated health data on %s", (engine) => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await buildTestApp({ engine, clock: fixedClock(new Date("2026-11-23T12:00:00Z")) });
    orgId = (await buildOrganization(t.ctx, "Generated Co")).orgId;
  });
  afterAll(async () => t?.close());

  it("writes clients with two years of pulses whose 'as of' spans follow the history rule", async () => {
    const made = await generateHealthData(t.ctx.database.db, {
      orgId,
      clients: 60,
      csmIds: [],
      months: 24,
      today: "2026-11-23",
      usageWeeks: 0,
    });
    expect(made.clients).toBe(60);
    expect(made.entries).toBeGreaterThan(60 * 10);
    expect(await reasonCopyMismatches(t.ctx.database.db, orgId)).toBe(0);
    expect(await versionCopyMismatches(t.ctx.database.db, orgId)).toBe(0);
    const written = await spansOf(t.ctx.database.db, orgId);
    await recomputeSpansAsMigrationDoes(t.ctx.database.db);
    expect(await spansOf(t.ctx.database.db, orgId)).toEqual(written);
    // Each client has exactly one current entry, and it is the one (with its reasons) the client row caches.
    const { rows } = (await t.ctx.database.db.execute(sql`
      select count(*)::int as mismatched from clients c
      left join pulse_entries e on e.client_id = c.id and e.valid_until is null
      where c.org_id = ${orgId} and (c.current_pulse_entry_id is distinct from e.id
        or c.current_reason_code_ids is distinct from e.reason_code_ids)`)) as unknown as {
      rows: { mismatched: number }[];
    };
    expect(rows[0]?.mismatched).toBe(0);
  });

  it("builds the daily snapshots: each past day's breakdown equals the one from history", async () => {
    const state = await snapshotState(t.ctx.database.db, orgId);
    expect(isCurrent(state, "2026-11-22")).toBe(true);
    expect(isCurrent(state, "2026-11-23")).toBe(false);
    for (const asOf of ["2025-11-01", "2026-03-31", "2026-11-22"]) {
      const filter = ReportFilterQuery.parse({ asOf, measure: "arr" });
      const fromSnapshot = await pulseHealthReport(t.ctx, orgId, filter);
      const history = await healthReport(t.ctx.database.db, orgId, filter, t.ctx.clock.now(), { valueColumn: "arr" });
      const byRank = (rank: number | null) => history.breakdown.find((b) => b.rank === rank)?.count ?? 0;
      expect(fromSnapshot.slices.map((s) => s.count)).toEqual([1, 2, 3, 4, 5, 6, null].map(byRank));
      expect(fromSnapshot.totals.count).toBeGreaterThan(0);
    }
  });
});
