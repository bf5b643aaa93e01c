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
import { buildSnapshotsJob } from "../snapshots/jobs.js";
import { buildSnapshots } from "../snapshots/store.js";

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
const SOURCE = "x-pulse-as-of-source";
const parseArray = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : String(value).replace(/[{}]/g, "").split(",").filter(Boolean);
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
    const codes = (await api("GET", "/reason-codes")).json().reasonCodes as { id: string; retiredAt: string | null }[];
    const reasonIds = codes.filter((c) => !c.retiredAt).map((c) => c.id);
    const someReasons = () => [...new Set([pick(reasonIds), pick(reasonIds)])].slice(0, Math.floor(rnd() * 3));
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
        const res = await api("POST", `/clients/${clientId}/pulses`, {
          level: pick(PULSE_LEVELS),
          effectiveAt,
          reasonCodeIds: someReasons(),
        });
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
          reasonCodeIds: someReasons(),
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
          status: pick(["active", "at_risk", "onboarding"]),
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
      p as (select distinct on (client_id) client_id, id, rank from pulse_entries e
            where org_id = ${orgId} and effective_at < ${end}::timestamptz
              and not exists (select 1 from pulse_entries x where x.corrects_entry_id = e.id)
            order by client_id, effective_at desc, recorded_at desc, id desc)
      select v.client_id, c.name, v.arr_minor, v.client_type, p.rank,
        coalesce((select array_agg(r.reason_code_id::text order by r.reason_code_id) from pulse_entry_reasons r
                  where r.entry_id = p.id), '{}') as reasons
      from v join clients c on c.id = v.client_id left join p using (client_id)
      where c.archived_at is null or c.archived_at >= ${end}::timestamptz
      order by v.client_id`)) as unknown as { rows: Record<string, unknown>[] };
    return rows.map((r) => ({
      id: String(r.client_id),
      name: String(r.name),
      value: Number(r.arr_minor),
      clientType: String(r.client_type),
      level: r.rank === null ? null : PULSE_LEVELS[Number(r.rank) - 1],
      reasons: parseArray(r.reasons),
    }));
  }

  /**
   * The health report (every client, by ARR) and the reasons report (by count) as of `asOf` against the
   * definition: the list, the clients per level and per reason, and those without one. Returns the source.
   */
  async function checkAgainstDefinition(asOf: string) {
    const want = await expected(asOf);
    const health = await api("GET", `/reports/pulse-health?asOf=${asOf}&measure=arr&limit=200`);
    expect(health.statusCode, health.body).toBe(200);
    type Row = { id: string; name: string; value: number; clientType: string; level: string | null };
    const got = (health.json().clients as Row[])
      .map((c) => ({ id: c.id, name: c.name, value: c.value, clientType: c.clientType, level: c.level }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(got, `as of ${asOf}`).toEqual(want.map(({ reasons: _r, ...rest }) => rest));
    const perLevel = (level: string | null) => want.filter((w) => w.level === level).length;
    for (const slice of health.json().slices as { level: string; count: number }[]) {
      expect(slice.count, `${slice.level} as of ${asOf}`).toBe(perLevel(slice.level === "none" ? null : slice.level));
    }
    const reasons = await api("GET", `/reports/pulse-reasons?asOf=${asOf}&limit=200`);
    expect(reasons.statusCode, reasons.body).toBe(200);
    const counted = new Map<string, number>();
    for (const w of want) for (const r of w.reasons) counted.set(r, (counted.get(r) ?? 0) + 1);
    const gotReasons = new Map(
      (reasons.json().reasons as { reasonCodeId: string; count: number }[]).map((r) => [r.reasonCodeId, r.count]),
    );
    expect(gotReasons, `reasons as of ${asOf}`).toEqual(counted);
    expect(reasons.json().withoutReason.count).toBe(want.filter((w) => w.reasons.length === 0).length);
    expect(reasons.json().totals.count).toBe(want.length);
    const reachesNone = got.some((c) => c.level === null);
    return { got: got.length, reachesNone, sources: [health.headers[SOURCE], reasons.headers[SOURCE]] };
  }

  const everyDay = () => {
    const days: string[] = [];
    for (let d = start - 2 * DAY; d <= clock.now().getTime() + DAY; d += DAY) days.push(day(d));
    return days;
  };

  it("matches the plain definition on every day of the history", async () => {
    let compared = 0;
    for (const asOf of everyDay()) {
      const { got, sources } = await checkAgainstDefinition(asOf);
      expect(sources).toEqual(["history", "history"]);
      compared += got;
    }
    expect(compared).toBeGreaterThan(300);
  });

  /** Filters over every field the daily totals hold, pages past the first, and the drilled reason. */
  async function variants() {
    const { rows } = (await t.ctx.database.db.execute(sql`
      select reason_code_id from pulse_entry_reasons where org_id = ${orgId}
      group by 1 order by count(*) desc, 1 limit 1`)) as unknown as { rows: { reason_code_id: string }[] };
    const drill = rows[0]?.reason_code_id;
    expect(drill).toBeDefined();
    return [
      "pulse-health?measure=arr&limit=200",
      "pulse-health?measure=count&limit=2&offset=1&clientTypes=SMB,Enterprise",
      "pulse-health?measure=mrr&levels=some_risk,high_risk,satisfied&limit=2&sort=-level",
      "pulse-health?measure=acv&statuses=active,at_risk&assignedTo=unassigned&limit=3&offset=2",
      "pulse-reasons?measure=arr&limit=200",
      "pulse-reasons?limit=2&offset=1&levels=severe_risk,high_risk,some_risk,satisfied",
      "pulse-reasons?statuses=active&clientTypes=SMB&limit=3&sort=-level",
      `pulse-reasons?reasonCodeId=${drill}&limit=2&offset=1`,
    ];
  }

  /** Every variant on every day, answered from history (no snapshot covers the days yet, or a write touched them). */
  async function historyAnswers(days: string[], queries: string[]) {
    const answers = new Map<string, unknown>();
    for (const asOf of days) {
      for (const q of queries) {
        const res = await api("GET", `/reports/${q}&asOf=${asOf}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers[SOURCE], `${q} as of ${asOf}`).toBe("history");
        answers.set(`${q} ${asOf}`, res.json());
      }
    }
    return answers;
  }

  it("with daily snapshots, every report as of every day equals the answer from history and the definition", async () => {
    const queries = await variants();
    const days = everyDay();
    const fromHistory = await historyAnswers(days, queries);
    const today = day(clock.now().getTime());
    expect(await buildSnapshots(t.ctx.database.db, orgId, today)).not.toBeNull();
    const sources = { snapshot: 0, history: 0 };
    for (const asOf of days) {
      for (const q of queries) {
        const res = await api("GET", `/reports/${q}&asOf=${asOf}`);
        expect(res.json(), `${q} as of ${asOf}`).toEqual(fromHistory.get(`${q} ${asOf}`));
        const source = res.headers[SOURCE] as "snapshot" | "history";
        // A snapshot answers past days, unless the page reaches clients without a pulse yet.
        const listed = res.json().clients as { level: string | null }[];
        const reachesNone = listed.some((c) => c.level === null);
        expect(source, `${q} as of ${asOf}`).toBe(asOf < today && !reachesNone ? "snapshot" : "history");
        sources[source]++;
      }
      await checkAgainstDefinition(asOf);
    }
    expect(sources.snapshot).toBeGreaterThan(days.length * 4);
  });

  it("a back-dated pulse, a correction, a dated change and archiving make the touched days read history until the job rewrites them", async () => {
    const queries = await variants();
    const today = day(clock.now().getTime());
    const [a, b, c] = clientIds as [string, string, string];
    const posted = await api("POST", `/clients/${a}/pulses`, {
      level: "severe_risk",
      effectiveAt: iso(clock.now().getTime() - 40 * DAY),
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const touched = day(clock.now().getTime() - 40 * DAY);
    const before = day(clock.now().getTime() - 41 * DAY);
    const health = (asOf: string) => api("GET", `/reports/pulse-health?asOf=${asOf}&limit=1`);
    expect((await health(before)).headers[SOURCE]).toBe("snapshot");
    expect((await health(touched)).headers[SOURCE]).toBe("history");
    expect((await health(day(clock.now().getTime() - DAY))).headers[SOURCE]).toBe("history");
    const corrected = await api("POST", `/clients/${a}/pulses`, {
      level: "satisfied",
      correctsEntryId: posted.json().id,
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(
      (
        await api("PATCH", `/clients/${b}`, {
          status: "inactive",
          effectiveDate: day(clock.now().getTime() - 60 * DAY),
        })
      ).statusCode,
    ).toBe(200);
    expect((await api("POST", `/clients/${c}/archive`)).statusCode).toBe(200);
    expect((await health(day(clock.now().getTime() - 61 * DAY))).headers[SOURCE]).toBe("snapshot");
    expect((await health(day(clock.now().getTime() - 60 * DAY))).headers[SOURCE]).toBe("history");
    const days = everyDay().filter((d) => d >= day(clock.now().getTime() - 70 * DAY));
    const fromHistory = await historyAnswers(
      days.filter((d) => d >= day(clock.now().getTime() - 60 * DAY)),
      queries,
    );
    // The job (as the cron runs it) rewrites them; then the snapshot answers again, the same as history.
    const job = buildSnapshotsJob(() => t.ctx);
    await job.handler({}, { jobId: "test", attempt: 1 });
    let snapshots = 0;
    for (const asOf of days) {
      for (const q of queries) {
        const res = await api("GET", `/reports/${q}&asOf=${asOf}`);
        const want = fromHistory.get(`${q} ${asOf}`);
        if (want) expect(res.json(), `${q} as of ${asOf}`).toEqual(want);
        if (res.headers[SOURCE] === "snapshot") snapshots++;
      }
      const { sources, reachesNone } = await checkAgainstDefinition(asOf);
      if (asOf < today && !reachesNone) expect(sources, `as of ${asOf}`).toEqual(["snapshot", "snapshot"]);
    }
    expect(snapshots).toBeGreaterThan(days.length * 4);
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
