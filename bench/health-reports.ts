import { performance } from "node:perf_hooks";
import { type SQL, sql } from "drizzle-orm";
import { csvExport } from "../src/features/health/clients/export/csv-export.js";
import { generateHealthData } from "../src/features/health/demo-data/service.js";
import { ReportFilterQuery } from "../src/features/health/reports/contract.js";
import { pulseHealthReportWithSource, pulseReasonsReportWithSource } from "../src/features/health/reports/service.js";
import { exportRows } from "../src/features/health/segments/service.js";
import type { Database } from "../src/platform/db/database.js";
import {
  createBenchOrganization,
  enginesFrom,
  onEachEngine,
  startBenchRuntime,
  type Timing,
  time,
} from "./engine-bench.js";

// npm run bench:health — both pulse reports (with and without "as of") at BENCH_HEALTH_CLIENTS clients
// (default 100,000, about 3 million pulse entries; "as of" read from the daily snapshots the generator
// builds, as the nightly job keeps them), each next to a hand-written SQL query for the same
// answer in the same process, on PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL;
// then the whole client list (every client) exported as CSV, sampling memory as it streams.
// BENCH_HEALTH_ENGINES=postgres (or pglite) runs one engine only.

const CLIENTS = Number(process.env.BENCH_HEALTH_CLIENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_HEALTH_RUNS ?? 30);
const TODAY = "2026-11-23";
const AS_OF = "2026-03-31";
const ENGINES = enginesFrom(process.env.BENCH_HEALTH_ENGINES);

/**
 * The same answers written by hand, the way one would without the app's caches and CTE plumbing: the
 * health report's breakdown and first page; the reasons report's breakdown (joining each client's pulse
 * entry to its reasons; as of a date, the entry's copy of them), totals without a reason, and first page. "As of"
 * reads the spans containing the day.
 */
function handWritten(orgId: string, asOf: string | null): { health: SQL[]; reasons: SQL[] } {
  if (!asOf) {
    const current = sql`from clients c where c.org_id = ${orgId} and c.archived_at is null`;
    const page = sql`select c.id, c.name, c.arr_minor, c.current_pulse_rank ${current}
          order by c.current_pulse_rank asc nulls last, c.name asc limit 25`;
    return {
      health: [sql`select c.current_pulse_rank, count(*)::int, sum(c.arr_minor)::float8 ${current} group by 1`, page],
      // The null reason row counts the clients without a reason.
      reasons: [
        sql`select per.reason_code_id, count(*)::int, sum(c.arr_minor)::float8
            from clients c left join pulse_entry_reasons per on per.entry_id = c.current_pulse_entry_id
            where c.org_id = ${orgId} and c.archived_at is null group by 1`,
        page,
      ],
    };
  }
  // The spans the stores keep (valid_until) make "as of" a containment test, written plainly here; a
  // version carries the client's name and archive time, so the clients table is not needed.
  const end = `${asOf}T23:59:59.999999Z`;
  const base = sql`
    with v as (select client_id, name, arr_minor from client_versions
               where org_id = ${orgId} and valid_from <= ${asOf}::date and (valid_until is null or valid_until > ${asOf}::date)
                 and (archived_at is null or archived_at > ${end}::timestamptz)),
    p as (select client_id, id, rank, reason_code_ids from pulse_entries
          where org_id = ${orgId} and tstzrange(effective_at, valid_until, '[)') @> ${end}::timestamptz)`;
  const from = sql`from v left join p on p.client_id = v.client_id`;
  const page = sql`${base} select v.client_id, v.name, v.arr_minor, p.rank ${from} order by p.rank asc nulls last, v.name limit 25`;
  return {
    health: [sql`${base} select p.rank, count(*)::int, sum(v.arr_minor)::float8 ${from} group by 1`, page],
    // The null reason row counts the clients without a reason.
    reasons: [
      sql`${base} select per.reason_code_id, count(*)::int, sum(v.arr_minor)::float8
          ${from} left join lateral unnest(p.reason_code_ids) as per(reason_code_id) on true group by 1`,
      page,
    ],
  };
}

const mib = (bytes: number) => bytes / 1024 / 1024;

/**
 * Streams every client as CSV through the export route's own pipeline (segment filter -> keyset batches
 * -> csv-stringify) and reads the heap after a full GC at 10%, 50% and 100% of the rows: flat memory
 * means those stay about the same however many rows have gone by. Run with node --expose-gc (the npm
 * script does); without it the figures are heap in use, GC noise included.
 */
async function benchExport(label: string, ctx: Parameters<typeof exportRows>[0], orgId: string) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const start = performance.now();
  const stream = csvExport(await exportRows(ctx, orgId, {}));
  let bytes = 0;
  let lines = 0;
  let peakRss = 0;
  const marks = [0.1, 0.5].map((share) => Math.floor(CLIENTS * share));
  const heapAt: string[] = [];
  const heapNow = () => {
    gc?.();
    return mib(process.memoryUsage().heapUsed - base.heapUsed).toFixed(1);
  };
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    for (const b of chunk as Buffer) if (b === 10) lines++;
    peakRss = Math.max(peakRss, process.memoryUsage.rss() - base.rss);
    if (marks.length && lines - 1 >= (marks[0] as number)) heapAt.push(`${heapNow()} MiB at ${marks.shift()} rows`);
  }
  heapAt.push(`${heapNow()} MiB at ${lines - 1} rows`);
  const seconds = (performance.now() - start) / 1000;
  return (
    `${label.padEnd(9)} CSV export of ${lines - 1} rows (${mib(bytes).toFixed(1)} MiB) in ${seconds.toFixed(1)} s; ` +
    `heap growth${gc ? " after GC" : ""}: ${heapAt.join(", ")}; peak RSS growth ${mib(peakRss).toFixed(1)} MiB`
  );
}

async function benchEngine(label: string, database: Database) {
  const t0 = performance.now();
  const runtime = await startBenchRuntime(database);
  const { ctx } = runtime;
  const { org, csmIds } = await createBenchOrganization(ctx, database);
  const made = await generateHealthData(database.db, {
    orgId: org.id,
    clients: CLIENTS,
    csmIds,
    months: 24,
    today: TODAY,
    usageWeeks: 0,
  });
  await database.db.execute(sql`vacuum analyze`);
  const size = (await database.db.execute(
    sql`select count(*)::int as n, pg_total_relation_size('health_snapshot_totals')::float8 as bytes
        from health_snapshot_totals where org_id = ${org.id}`,
  )) as unknown as { rows: { n: number; bytes: number }[] };
  console.log(
    `${label}: ${made.clients} clients, ${made.entries} pulse entries and their daily snapshots ` +
      `(${size.rows[0]?.n} total rows, ${mib(Number(size.rows[0]?.bytes)).toFixed(0)} MiB) generated in ${Math.round((performance.now() - t0) / 1000)} s`,
  );

  const rows: string[] = [];
  const out = (row: string) => {
    console.log(row);
    rows.push(row);
  };
  for (const asOf of [null, AS_OF]) {
    const filter = ReportFilterQuery.parse({ measure: "arr", ...(asOf ? { asOf } : {}) });
    // "As of" must come from the snapshot the generator built (the job keeps it in production).
    const sources = [
      (await pulseHealthReportWithSource(ctx, org.id, filter)).source,
      (await pulseReasonsReportWithSource(ctx, org.id, filter)).source,
    ];
    if (asOf && sources.some((s) => s !== "snapshot")) throw new Error(`as of ${asOf} read ${sources.join(", ")}`);
    const report = await time(RUNS, () => pulseHealthReportWithSource(ctx, org.id, filter));
    const reasons = await time(RUNS, () => pulseReasonsReportWithSource(ctx, org.id, filter));
    const queries = handWritten(org.id, asOf);
    const run = (list: SQL[]) => async () => {
      for (const q of list) await database.db.execute(q);
    };
    const handHealth = await time(RUNS, run(queries.health));
    const handReasons = await time(RUNS, run(queries.reasons));
    const name = asOf ? `"as of" (snapshot)` : "current";
    for (const [what, t, hand] of [
      [`health report ${name}`, report, handHealth],
      [`reasons report ${name}`, reasons, handReasons],
    ] as const) {
      TIMINGS.set(`${label} ${what}`, t);
      out(tableRow(`${label}: ${what}, ${CLIENTS} clients`, t, hand, asOf !== null));
    }
  }
  out(await benchExport(label, ctx, org.id));
  await runtime.close();
  return rows;
}

/** Each report's timing per engine, for the PGlite vs PostgreSQL rows. */
const TIMINGS = new Map<string, Timing>();
const ms = (n: number) => `${n.toFixed(1)} ms`;
const HEADER =
  "| measure | this project | baseline in the same run | ratio | target | met |\n|---|---|---|---|---|---|";

/**
 * A row of the table. "As of" targets (issue 10): p50 <= 100 ms and p99 <= 200 ms, and faster
 * than the hand-written query over raw history; current reports have none of their own.
 */
function tableRow(measure: string, t: Timing, hand: Timing, asOf: boolean): string {
  const ratio = t.p50 / hand.p50;
  const target = asOf ? "p50 <= 100 ms, p99 <= 200 ms, < 1.0x hand-written" : "-";
  const met = asOf ? (t.p50 <= 100 && t.p99 <= 200 && ratio < 1 ? "yes" : "no") : "-";
  return `| ${measure} | p50 ${ms(t.p50)}, p99 ${ms(t.p99)} | hand-written p50 ${ms(hand.p50)} | ${ratio.toFixed(2)}x | ${target} | ${met} |`;
}

/** PGlite's p50 over PostgreSQL's for each of the four reports (target <= 2.0x). */
function engineRows(): string[] {
  const reports = [...TIMINGS.keys()].filter((k) => k.startsWith("pglite ")).map((k) => k.slice("pglite ".length));
  return reports.flatMap((what) => {
    const pglite = TIMINGS.get(`pglite ${what}`);
    const postgres = TIMINGS.get(`postgres ${what}`);
    if (!pglite || !postgres) return [];
    const ratio = pglite.p50 / postgres.p50;
    return [
      `| PGlite vs PostgreSQL: ${what}, ${CLIENTS} clients | PGlite p50 ${ms(pglite.p50)} | PostgreSQL p50 ${ms(postgres.p50)} | ${ratio.toFixed(2)}x | <= 2.0x | ${ratio <= 2 ? "yes" : "no"} |`,
    ];
  });
}

async function main() {
  console.log(`Health reports at ${CLIENTS} clients, ${RUNS} runs each (baselines run in the same process)`);
  const rows = await onEachEngine(ENGINES, benchEngine);
  const table = rows.filter((r) => r.startsWith("|"));
  console.log(`\n${HEADER}\n${[...table, ...engineRows()].join("\n")}`);
  for (const r of rows.filter((r) => !r.startsWith("|"))) console.log(r);
}

await main();
process.exit(0);
