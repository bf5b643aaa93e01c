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
import { PULSE_LEVELS } from "../pulses/pulse-levels.js";

/** A small deterministic generator (mulberry32), so a failure replays the same history. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/**
 * "As of D" reads each client's version and pulse entry from spans the stores keep (valid_until). This
 * replays a messy history through the API (back-dated pulses, several on one instant, corrections,
 * corrections of corrections, field changes back-dated and on one day, renames, archiving and
 * unarchiving) and checks, for many dates, that
 * the report equals the definition written plainly: the newest uncorrected entry that took effect before
 * the day ended, and the newest version from on or before that day (ties broken by the later record).
 */
describe.each(TEST_ENGINES)("'as of' spans on %s", (engine) => {
  const start = Date.parse("2026-01-01T12:00:00Z");
  const clock = fixedClock(new Date(start));
  let t: TestApp;
  let orgId: string;
  let cookie: string;
  const clientIds: string[] = [];
  const api = (method: "GET" | "POST" | "PATCH", path: string, body?: object) =>
    t.app.inject({ method, url: `/api/organizations/${orgId}${path}`, payload: body, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    const org = await buildOrganization(t.ctx, "Spans Co");
    orgId = org.orgId;
    cookie = org.owner.cookie;
    const rnd = random(20261123);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
    for (let i = 0; i < 5; i++) {
      const res = await api("POST", "/clients", {
        name: `Client ${i}`,
        arrMinor: 1000 * (i + 1),
        effectiveDate: "2025-06-01",
      });
      expect(res.statusCode).toBe(201);
      clientIds.push(res.json().id);
    }
    const entries = new Map<string, string[]>();
    for (let step = 0; step < 90; step++) {
      clock.advance(Math.floor(rnd() * 3) * DAY + Math.floor(rnd() * 5) * 3_600_000);
      const clientId = pick(clientIds);
      const now = clock.now().getTime();
      const roll = rnd();
      if (roll < 0.55) {
        // A pulse, often back-dated; one in five lands on the same instant as the previous back-dated one.
        const back = rnd() < 0.5 ? 0 : Math.floor(rnd() * 20) * DAY;
        const effectiveAt = rnd() < 0.2 ? iso(Math.min(now, start + 10 * DAY)) : iso(now - back);
        const res = await api("POST", `/clients/${clientId}/pulses`, { level: pick(PULSE_LEVELS), effectiveAt });
        expect(res.statusCode, res.body).toBe(201);
        entries.set(clientId, [...(entries.get(clientId) ?? []), res.json().id]);
      } else if (roll < 0.75 && entries.get(clientId)?.length) {
        // A correction of some entry not corrected yet (the newest one may be a correction itself).
        const history = (await api("GET", `/clients/${clientId}/pulses`)).json().entries as {
          id: string;
          correctedByEntryId: string | null;
        }[];
        const open = history.filter((e) => !e.correctedByEntryId);
        if (open.length === 0) continue;
        const res = await api("POST", `/clients/${clientId}/pulses`, {
          level: pick(PULSE_LEVELS),
          correctsEntryId: pick(open).id,
          effectiveAt: iso(now - Math.floor(rnd() * 10) * DAY),
        });
        expect(res.statusCode, res.body).toBe(201);
      } else if (roll < 0.85) {
        // An undated change: a new name, or archiving / unarchiving (versions carry copies of these).
        const res =
          rnd() < 0.5
            ? await api("PATCH", `/clients/${clientId}`, { name: `Client ${step}` })
            : await api("POST", `/clients/${clientId}/${rnd() < 0.6 ? "archive" : "unarchive"}`);
        expect(res.statusCode, res.body).toBe(200);
      } else {
        // A field change taking effect today or some days back (several may start on one day).
        const back = Math.floor(rnd() * 4) * DAY;
        const res = await api("PATCH", `/clients/${clientId}`, {
          arrMinor: Math.floor(rnd() * 1_000_000),
          clientType: pick(["SMB", "Enterprise", "Strategic"]),
          effectiveDate: rnd() < 0.3 ? day(Math.min(now, start + 5 * DAY)) : day(now - back),
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
  });
  afterAll(async () => t?.close());

  /** The definition, by DISTINCT ON over the whole history. */
  async function expected(asOf: string) {
    const end = new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY).toISOString();
    const { rows } = (await t.ctx.database.db.execute(sql`
      with v as (select distinct on (client_id) client_id, arr_minor, client_type from client_versions
                 where org_id = ${orgId} and valid_from <= ${asOf}::date
                 order by client_id, valid_from desc, recorded_at desc, id desc),
      p as (select distinct on (client_id) client_id, rank from pulse_entries e
            where org_id = ${orgId} and effective_at < ${end}::timestamptz
              and not exists (select 1 from pulse_entries x where x.corrects_entry_id = e.id)
            order by client_id, effective_at desc, recorded_at desc, id desc)
      select v.client_id, c.name, v.arr_minor, v.client_type, p.rank
      from v join clients c on c.id = v.client_id left join p using (client_id)
      where c.archived_at is null or c.archived_at >= ${end}::timestamptz
      order by v.client_id`)) as unknown as { rows: Record<string, unknown>[] };
    return rows.map((r) => ({
      id: String(r.client_id),
      name: String(r.name),
      value: Number(r.arr_minor),
      clientType: String(r.client_type),
      level: r.rank === null ? null : PULSE_LEVELS[Number(r.rank) - 1],
    }));
  }

  it("matches the plain definition on every day of the history", async () => {
    const last = clock.now().getTime();
    let compared = 0;
    for (let d = start - 2 * DAY; d <= last + DAY; d += 3 * DAY) {
      const asOf = day(d);
      const res = await api("GET", `/reports/pulse-health?asOf=${asOf}&measure=arr&limit=200`);
      expect(res.statusCode, res.body).toBe(200);
      type Row = { id: string; name: string; value: number; clientType: string; level: string | null };
      const got = (res.json().clients as Row[])
        .map((c) => ({ id: c.id, name: c.name, value: c.value, clientType: c.clientType, level: c.level }))
        .sort((a, b) => a.id.localeCompare(b.id));
      const want = await expected(asOf);
      expect(got, `as of ${asOf}`).toEqual(want);
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("migration 0013's backfill gives existing histories the spans the stores keep", async () => {
    expect(await reasonCopyMismatches(t.ctx.database.db, orgId)).toBe(0);
    expect(await versionCopyMismatches(t.ctx.database.db, orgId)).toBe(0);
    const kept = await spansOf(t.ctx.database.db, orgId);
    expect(kept.length).toBeGreaterThan(40);
    await recomputeSpansAsMigrationDoes(t.ctx.database.db);
    expect(await spansOf(t.ctx.database.db, orgId)).toEqual(kept);
  });
});
