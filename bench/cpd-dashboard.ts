import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { DashboardQuery } from "../src/features/academy/cpd/dashboard/contract.js";
import { cpdDashboard } from "../src/features/academy/cpd/dashboard/service.js";
import { buildCpdCatalog } from "../src/features/academy/cpd/testing/cpd-fixture.js";
import { issueForCompletion } from "../src/features/academy/credentials/service.js";
import type { Actor } from "../src/kernel/auth.js";
import type { Database } from "../src/platform/db/database.js";
import { enginesFrom, onEachEngine, startBenchRuntime, time } from "./engine-bench.js";

// Part of `npm run bench`: the CPD dashboard (GET /api/academy/cpd/dashboard's service) of one Level 4
// holder with BENCH_CPD_ENTRIES ledger entries (default 2,000 over three years, every source, some
// reversed), on PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. Timed next to
// hand-written SQL for the same sections: minutes per source in the cycle, the first activity page with
// its reversed flags and total, the cycle's minutes (no allocation across cycles: the baseline sums the
// current cycle's dates, capped at 40 h). Both must give the same time per source and the same page.
// BENCH_CPD_RUNS (default 30) runs per case; BENCH_CPD_ENGINES=pglite (or postgres) runs one.

const ENTRIES = Number(process.env.BENCH_CPD_ENTRIES ?? 2000);
const RUNS = Number(process.env.BENCH_CPD_RUNS ?? 30);
const ENGINES = enginesFrom(process.env.BENCH_CPD_ENGINES);

const rowsOf = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

async function handWritten(database: Database, userId: string, programId: string, from: string, to: string) {
  const time = await rowsOf<{ source: string; minutes: string }>(
    database,
    sql`select source, sum(minutes)::text as minutes from academy_cpd_entries
        where user_id = ${userId} and program_id = ${programId} and occurred_on between ${from} and ${to}
        group by source`,
  );
  const page = await rowsOf<{ id: string }>(
    database,
    sql`select e.id, e.occurred_on, e.title, e.minutes,
          exists (select 1 from academy_cpd_entries r where r.reverses_entry_id = e.id) as reversed
        from academy_cpd_entries e
        where e.user_id = ${userId} and e.program_id = ${programId} and e.reverses_entry_id is null
        order by e.occurred_on desc, e.recorded_at desc, e.id desc limit 50`,
  );
  await rowsOf(
    database,
    sql`select count(*) from academy_cpd_entries where user_id = ${userId} and program_id = ${programId} and reverses_entry_id is null`,
  );
  await rowsOf(
    database,
    sql`select least(2400, coalesce(sum(minutes), 0)) from academy_cpd_entries
        where user_id = ${userId} and program_id = ${programId} and occurred_on between ${from} and ${to}`,
  );
  return { time: Object.fromEntries(time.map((r) => [r.source, Number(r.minutes)])), page: page.map((r) => r.id) };
}

async function bench(label: string, database: Database): Promise<string[]> {
  const runtime = await startBenchRuntime(database);
  try {
    const { ctx } = runtime;
    const db = database.db;
    const { program, level4 } = await buildCpdCatalog(db);
    const [user] = await rowsOf<{ id: string }>(
      database,
      sql`insert into users (email, name, password_hash, email_confirmed_at)
          values ('cpd-bench@bench.test', 'CPD Bench', 'not-a-hash', now()) returning id`,
    );
    const userId = (user as { id: string }).id;
    const now = ctx.clock.now();
    const achieved = new Date(now.getTime() - 3 * 365 * 86_400_000);
    await issueForCompletion(ctx, { userId, object: "level", objectId: level4.id, completedAt: achieved });
    const started = performance.now();
    await db.execute(sql`
      insert into academy_cpd_entries (user_id, program_id, source, source_key, title, asset_type, activity_type,
                                       minutes, occurred_on, recorded_at)
      select ${userId}, ${program.id}, (array['library','live','workshops','paths','external'])[1 + g % 5],
             'bench:' || g, 'CPD item ' || g, 'video', 'completed', 5 + g % 55,
             (${achieved.toISOString()}::timestamptz + (g * (3 * 365 * interval '1 day') / ${ENTRIES}))::date, now()
      from generate_series(1, ${ENTRIES}) g`);
    await db.execute(sql`
      insert into academy_cpd_entries (user_id, program_id, source, source_key, title, asset_type, activity_type,
                                       minutes, occurred_on, reverses_entry_id, recorded_at)
      select user_id, program_id, source, 'reversal:' || id, title, asset_type, 'reversed', -minutes, occurred_on, id, now()
      from academy_cpd_entries where user_id = ${userId} and source = 'external' and source_key like 'bench:%'
        and (substr(source_key, 7)::int % 50) = 0`);
    await db.execute(sql`analyze academy_cpd_entries`);
    const lines = [
      `${label}: ${ENTRIES} entries (+ reversals) seeded in ${Math.round(performance.now() - started)} ms`,
    ];
    const actor: Actor = {
      userId,
      email: "cpd-bench@bench.test",
      name: "CPD Bench",
      isPlatformAdmin: true,
      sessionId: "bench",
      activeOrgId: null,
      memberships: new Map(),
      profile: { timeZone: "UTC", emailConfirmed: true, createdAt: now.toISOString(), organizations: [] },
    };
    const query = DashboardQuery.parse({});
    const app = await cpdDashboard(ctx, actor, query);
    const plain = await handWritten(database, userId, program.id, app.time.from, app.time.to);
    for (const source of ["library", "live", "workshops", "paths", "external"] as const) {
      if ((plain.time[source] ?? 0) !== app.time[source]) throw new Error(`${label}: ${source} minutes differ`);
    }
    if (JSON.stringify(plain.page) !== JSON.stringify(app.activity.items.map((i) => i.id)))
      throw new Error(`${label}: the two activity pages differ`);
    const a = await time(RUNS, () => cpdDashboard(ctx, actor, query));
    const b = await time(RUNS, () => handWritten(database, userId, program.id, app.time.from, app.time.to));
    lines.push(
      `${label}: dashboard p50 ${a.p50.toFixed(1)} ms (p99 ${a.p99.toFixed(1)}) | hand-written SQL p50 ${b.p50.toFixed(1)} ms (p99 ${b.p99.toFixed(1)}) | cycle applied ${app.recertification?.appliedMinutes} min`,
    );
    for (const line of lines) console.log(line);
    return lines;
  } finally {
    await runtime.close();
  }
}

console.log(`CPD dashboard of one learner with ${ENTRIES} ledger entries`);
const rows = await onEachEngine(ENGINES, bench);
console.log(`\n${rows.join("\n")}`);
