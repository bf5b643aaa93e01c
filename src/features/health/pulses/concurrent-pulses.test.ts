import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../test-support/factories.js";
import {
  reasonCopyMismatches,
  recomputeSpansAsMigrationDoes,
  spansOf,
  versionCopyMismatches,
} from "../../../../test-support/health-spans.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";

const N = 50;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/**
 * Issue 9 item 9: every writer of a client's history locks the client row first, so concurrent pulses,
 * corrections and client updates on one client take turns instead of deadlocking (on PostgreSQL the entry
 * insert's foreign-key share lock, taken before the row lock, made every pair of writers deadlock).
 */
describe.each(TEST_ENGINES)("concurrent history writes on one client on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let orgId: string;
  let csm: { cookie: string; userId: string };
  const call = (method: "GET" | "POST" | "PATCH", url: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${url}`, payload: body, headers: { cookie: csm.cookie } });
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await t.ctx.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Busy Co");
    orgId = org.orgId;
    csm = await buildMember(t.ctx, orgId, "member");
  });
  afterAll(async () => t?.close());

  it(`records ${N} pulses sent at once, keeps the spans right and raises the one alert due`, async () => {
    const client = (await call("POST", "/clients", { name: "Hammered Inc", assignedCsmId: csm.userId })).json();
    const times: number[] = [];
    const responses = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const started = performance.now();
        const res = await call("POST", `/clients/${client.id}/pulses`, {
          level: i % 2 ? "high_risk" : "severe_risk",
          note: `pulse ${i}`,
          effectiveAt: new Date(Date.parse("2026-11-20T00:00:00Z") + i * 60_000).toISOString(),
        });
        times.push(performance.now() - started);
        return res;
      }),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(
      statuses.filter((s) => s !== 201),
      JSON.stringify(responses.find((r) => r.statusCode !== 201)?.json()),
    ).toEqual([]);
    times.sort((x, y) => x - y);
    console.info(
      `${engine}: ${N} concurrent pulses on one client: p50 ${percentile(times, 0.5)?.toFixed(0)} ms, p99 ${percentile(times, 0.99)?.toFixed(0)} ms`,
    );

    const history = (await call("GET", `/clients/${client.id}/pulses`)).json().entries;
    expect(history).toHaveLength(N);
    const newest = history[0];
    expect(newest.note).toBe(`pulse ${N - 1}`);
    expect((await call("GET", `/clients/${client.id}`)).json().pulse).toMatchObject({ level: newest.level });

    // Spans as the stores kept them equal the migration's definition computed over the whole table.
    const kept = await spansOf(t.ctx.database.db, orgId);
    const open = kept.filter(
      (s) => (s as { kind: string; until: unknown }).kind === "pulse" && !(s as { until: unknown }).until,
    );
    expect(open).toHaveLength(1);
    await recomputeSpansAsMigrationDoes(t.ctx.database.db);
    expect(await spansOf(t.ctx.database.db, orgId)).toEqual(kept);
    expect(await reasonCopyMismatches(t.ctx.database.db, orgId)).toBe(0);

    // Every pulse.set job ran once; only the entry that is still the current pulse raised an alert.
    await t.ctx.jobs.drain();
    await t.ctx.jobs.drain();
    const alerts = await rows(sql`select pulse_entry_id from alerts where org_id = ${orgId}`);
    expect(alerts.map((a) => a.pulse_entry_id)).toEqual([newest.id]);
    const jobs = await rows(
      sql`select state, count(*)::int as n from pgboss.job where name = 'pulse.set' group by state`,
    );
    expect(jobs).toEqual([{ state: "completed", n: N }]);
  });

  it("lets one of several simultaneous corrections of an entry through and refuses the rest", async () => {
    const client = (await call("POST", "/clients", { name: "Twice Fixed Ltd" })).json();
    const entry = (await call("POST", `/clients/${client.id}/pulses`, { level: "satisfied" })).json();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        call("POST", `/clients/${client.id}/pulses`, { level: "some_risk", correctsEntryId: entry.id }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, ...Array(7).fill(409)]);
    const history = (await call("GET", `/clients/${client.id}/pulses`)).json().entries;
    expect(history).toHaveLength(2);
  });

  it("interleaves client updates, archiving and pulses on one client without an error", async () => {
    const client = (await call("POST", "/clients", { name: "Mixed Traffic", arrMinor: 100 })).json();
    const writes = Array.from({ length: 30 }, (_, i) => {
      if (i % 3 === 0) return call("PATCH", `/clients/${client.id}`, { arrMinor: 1000 + i, name: `Mixed ${i}` });
      if (i % 3 === 1) return call("POST", `/clients/${client.id}/pulses`, { level: "satisfied", note: `n${i}` });
      return call("POST", `/clients/${client.id}/${i % 2 ? "archive" : "unarchive"}`);
    });
    const responses = await Promise.all(writes);
    expect(responses.filter((r) => r.statusCode >= 500).map((r) => r.json())).toEqual([]);
    const kept = await spansOf(t.ctx.database.db, orgId);
    await recomputeSpansAsMigrationDoes(t.ctx.database.db);
    expect(await spansOf(t.ctx.database.db, orgId)).toEqual(kept);
    expect(await versionCopyMismatches(t.ctx.database.db, orgId)).toBe(0);
  });
});
