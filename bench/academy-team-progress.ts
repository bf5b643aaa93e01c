import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { importContent } from "../src/features/academy/catalog/service.js";
import { TeamProgressQuery } from "../src/features/academy/teams/contract.js";
import { teamProgress, teamProgressCsv } from "../src/features/academy/teams/service.js";
import { ensureOrganization } from "../src/features/accounts/organizations/service.js";
import type { Database } from "../src/platform/db/database.js";
import { enginesFrom, onEachEngine, startBenchRuntime, time } from "./engine-bench.js";

// Part of `npm run bench`: the academy team progress report for an organization of BENCH_ACADEMY_LEARNERS
// learners (default 2,000) with full progress history, on PGlite and (with BENCH_DATABASE_URL or
// TEST_DATABASE_URL) on PostgreSQL, each in a fresh database. The catalog is content/ (the real curricula)
// when it validates, else the fixture program. Every learner has worked through a share of the lessons in
// course order (0-100 %, spread evenly): per started lesson its items' progress and statements, the lesson,
// module, level and program progress rows, and 1-3 submitted attempts at each started module's test.
// Timed: the report's first page, filtered pages, one person, and the CSV of every row.
// BENCH_ACADEMY_RUNS (default 30) runs per case; BENCH_ACADEMY_ENGINES=pglite (or postgres) runs one.

const LEARNERS = Number(process.env.BENCH_ACADEMY_LEARNERS ?? 2000);
const RUNS = Number(process.env.BENCH_ACADEMY_RUNS ?? 30);
const ENGINES = enginesFrom(process.env.BENCH_ACADEMY_ENGINES);
const FIXTURES = "src/features/academy/catalog/fixtures";

const rowsOf = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * Learners, members of one organization, and their history, written with set-based SQL (the learning
 * area derives the same rows from statements one learner at a time; here only their volume matters).
 */
async function seed(database: Database, orgId: string) {
  const db = database.db;
  await db.execute(sql`
    insert into users (email, name, password_hash, email_confirmed_at)
    select 'learner' || g || '-' || ${orgId} || '@bench.test', 'Learner ' || lpad(g::text, 4, '0'), 'not-a-hash', now()
    from generate_series(1, ${LEARNERS}) g`);
  await db.execute(sql`
    insert into memberships (org_id, user_id, role)
    select ${orgId}, id, 'member' from users where email like ${`%-${orgId}@bench.test`}`);
  // Lessons in course order; learner n has started the first done(n) + 1 of them and completed done(n).
  await db.execute(sql`
    create temporary table bench_lessons as
    select l.id, l.module_id, m.level_id, m.program_id,
           row_number() over (order by p.position, m.position, l.position) as rn
    from academy_lessons l join academy_modules m on m.id = l.module_id join academy_programs p on p.id = m.program_id
    where l.archived_at is null`);
  await db.execute(sql`
    create temporary table bench_learners as
    select u.id, (row_number() over (order by u.email) - 1) as n,
           ((row_number() over (order by u.email) - 1) * (select count(*) from bench_lessons) / ${LEARNERS})::int as done
    from users u where u.email like ${`%-${orgId}@bench.test`}`);
  const started = sql`from bench_learners b join bench_lessons l on l.rn <= b.done + 1`;
  const when = sql`(timestamptz '2026-01-01' + (l.rn * interval '3 hours') + (b.n * interval '1 minute'))`;
  await db.execute(sql`
    insert into academy_item_progress (user_id, item_id, state, percent, completed_at, updated_at)
    select b.id, i.id, '{}'::jsonb, case when l.rn <= b.done then 100 else 50 end,
           case when l.rn <= b.done then ${when} end, ${when}
    ${started} join academy_items i on i.lesson_id = l.id and i.archived_at is null`);
  await db.execute(sql`
    insert into academy_statements (actor_id, verb, object_type, object_id, result, timestamp)
    select b.id, v.verb, 'item', i.id, null, ${when}
    ${started} join academy_items i on i.lesson_id = l.id and i.archived_at is null
    cross join (values ('opened'), ('played'), ('completed')) as v(verb)`);
  await db.execute(sql`
    insert into academy_progress (user_id, object_type, object_id, percent, completed_at, last_activity_at)
    select b.id, 'lesson', l.id, case when l.rn <= b.done then 100 else 50 end,
           case when l.rn <= b.done then ${when} end, ${when}
    ${started}`);
  for (const [type, column] of [
    ["module", "module_id"],
    ["level", "level_id"],
    ["program", "program_id"],
  ] as const) {
    const of = sql.raw(`l.${column}`);
    await db.execute(sql`
      insert into academy_progress (user_id, object_type, object_id, percent, completed_at, last_activity_at)
      select b.id, ${type}, ${of},
             (100 * count(*) filter (where l.rn <= b.done) / (select count(*) from bench_lessons x where x.${sql.raw(column)} = ${of}))::int,
             case when bool_and(l.rn <= b.done) and count(*) = (select count(*) from bench_lessons x where x.${sql.raw(column)} = ${of})
                  then max(${when}) end,
             max(${when})
      ${started} group by b.id, ${of}`);
  }
  // 1-3 submitted attempts at the test of every started module; the last one passes when the module is complete.
  await db.execute(sql`
    insert into academy_attempts (assessment_id, user_id, number, question_ids, answers, started_at, submitted_at,
                                  submitted_by, correct_count, score_percent, passed)
    select a.id, p.user_id, k, '{}'::uuid[], '{}'::jsonb, p.last_activity_at, p.last_activity_at, 'learner',
           0, case when p.completed_at is not null and k = 1 + (hashtext(p.user_id::text) & 1) then 87 else 40 + 10 * k end,
           p.completed_at is not null and k = 1 + (hashtext(p.user_id::text) & 1)
    from academy_progress p
    join academy_assessments a on a.module_id = p.object_id and a.kind = 'module_test' and a.archived_at is null
    cross join generate_series(1, 3) k
    where p.object_type = 'module' and k <= 1 + (hashtext(p.user_id::text) & 1) + (case when p.completed_at is null then 1 else 0 end)`);
  await db.execute(sql`drop table bench_lessons`);
  await db.execute(sql`drop table bench_learners`);
  const [counts] = await rowsOf<Record<string, number>>(
    database,
    sql`select (select count(*)::int from academy_progress) as progress, (select count(*)::int from academy_statements) as statements,
               (select count(*)::int from academy_item_progress) as items, (select count(*)::int from academy_attempts) as attempts`,
  );
  return counts as Record<string, number>;
}

async function benchEngine(label: string, database: Database) {
  const t0 = performance.now();
  const runtime = await startBenchRuntime(database);
  const { ctx } = runtime;
  const content = await importContent(ctx, "content").catch(() => importContent(ctx, FIXTURES));
  const org = await ensureOrganization(database.db, { name: "Bench", slug: `bench-${randomBytes(3).toString("hex")}` });
  const counts = await seed(database, org.id);
  await database.db.execute(sql`vacuum analyze`);
  console.log(
    `${label}: ${LEARNERS} learners, programs ${content.map((c) => c.programKey).join(" + ")}; ` +
      `${counts.progress} progress rows, ${counts.items} item rows, ${counts.statements} statements, ` +
      `${counts.attempts} attempts; seeded in ${Math.round((performance.now() - t0) / 1000)} s`,
  );
  const program = content[0]?.programKey as string;
  const [someone] = await rowsOf<{ user_id: string }>(
    database,
    sql`select user_id from memberships where org_id = ${org.id} order by user_id limit 1 offset ${Math.floor(LEARNERS / 2)}`,
  );
  const page = (q: Record<string, unknown>) => () => teamProgress(ctx, org.id, TeamProgressQuery.parse(q));
  const first = await teamProgress(ctx, org.id, TeamProgressQuery.parse({}));
  const cases: [string, () => Promise<unknown>, number][] = [
    [`first page (50 of ${first.total} rows)`, page({}), RUNS],
    ["page 20", page({ offset: 950 }), RUNS],
    ["status in progress", page({ status: "in_progress" }), RUNS],
    [`program ${program}, completed`, page({ program, status: "completed" }), RUNS],
    ["name search", page({ q: "learner 1234" }), RUNS],
    ["one person", page({ person: someone?.user_id }), RUNS],
    [`CSV of all ${first.total} rows`, () => teamProgressCsv(ctx, org.id, {}), Math.max(3, Math.floor(RUNS / 3))],
  ];
  const rows: string[] = [];
  for (const [what, fn, runs] of cases) {
    const t = await time(runs, fn);
    const row = `${label.padEnd(9)} ${what.padEnd(40)} p50 ${t.p50.toFixed(1).padStart(8)} ms  p99 ${t.p99.toFixed(1).padStart(8)} ms  (${runs} runs)`;
    console.log(row);
    rows.push(row);
  }
  await runtime.close();
  return rows;
}

async function main() {
  if (!existsSync("content")) console.log("no content/ folder: using the fixture program");
  console.log(`Academy team progress report, ${LEARNERS} learners with full progress history`);
  const rows = await onEachEngine(ENGINES, benchEngine);
  console.log(`\n${rows.join("\n")}`);
}

await main();
process.exit(0);
