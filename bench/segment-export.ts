import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { PgDialect } from "drizzle-orm/pg-core";
import { csvExport } from "../src/features/health/clients/export/csv-export.js";
import { generateHealthData } from "../src/features/health/demo-data/service.js";
import { resolveSegmentFilter } from "../src/features/health/segments/segment-filter.js";
import { exportRows } from "../src/features/health/segments/service.js";
import { segmentExportQuery } from "../src/features/health/segments/store.js";
import type { AppContext } from "../src/platform/context.js";
import { openDatabase } from "../src/platform/db/database.js";
import { type ComparisonRow, formatComparison } from "./comparison-table.js";
import { createBenchOrganization, startBenchRuntime } from "./engine-bench.js";
import { createBenchDatabase, vacuumAnalyze } from "./postgres-database.js";

// Part of `npm run bench` (PostgreSQL only: BENCH_DATABASE_URL or TEST_DATABASE_URL): the CSV export of
// every client of an organization of BENCH_EXPORT_CLIENTS clients (default 100,000; pulse history over
// BENCH_EXPORT_MONTHS months, default 6: the export reads the clients' cached current pulse, so history
// length changes little), through the export route's own pipeline (segment filter -> batches -> CSV
// stream), next to `COPY (the same query) TO STDOUT WITH CSV HEADER` through psql in the same run,
// BENCH_EXPORT_RUNS times each (default 3, alternating; medians). Memory: the heap after a full GC at 10 %,
// 50 % and 100 % of the rows of the last run (run with node --expose-gc, as the npm script does).
// Target: at most 1.3x COPY, memory flat.

const CLIENTS = Number(process.env.BENCH_EXPORT_CLIENTS ?? 100_000);
const MONTHS = Number(process.env.BENCH_EXPORT_MONTHS ?? 6);
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const TODAY = "2026-11-23";
const TARGET_RATIO = 1.3;
const FLAT_MIB = 16;

const mib = (bytes: number) => bytes / 1024 / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The export's query as psql input, parameters as psql variables (:'p1'), run through COPY to stdout. */
function copyCommand(orgId: string, today: string): { input: string; variables: string[] } {
  const query = new PgDialect().sqlToQuery(segmentExportQuery(orgId, resolveSegmentFilter({}, today, 1), null, null));
  const input = query.sql.replace(/\$(\d+)/g, (_, n) => `:'p${n}'`);
  const variables = query.params.flatMap((value, i) => ["-v", `p${i + 1}=${String(value)}`]);
  return { input: `COPY (${input}) TO STDOUT WITH CSV HEADER;\n`, variables };
}

/** Seconds and bytes of COPY through psql, its output read by this process. */
function timeCopy(url: string, orgId: string): Promise<{ seconds: number; bytes: number }> {
  const { input, variables } = copyCommand(orgId, TODAY);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", ...variables], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let bytes = 0;
    let errors = "";
    child.stdout.on("data", (d: Buffer) => {
      bytes += d.length;
    });
    child.stderr.on("data", (d: Buffer) => {
      errors += d;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`psql COPY failed (${code}): ${errors}`));
      else resolve({ seconds: (performance.now() - started) / 1000, bytes });
    });
    child.stdin.end(input);
  });
}

/** Seconds, bytes and rows of the app's CSV export, and the heap after GC as it streams. */
async function timeExport(ctx: AppContext, orgId: string) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const started = performance.now();
  const stream = csvExport(await exportRows(ctx, orgId, {}));
  let bytes = 0;
  let lines = 0;
  let peakRss = 0;
  const marks = [0.1, 0.5].map((share) => Math.floor(CLIENTS * share));
  const heap: number[] = [];
  const heapNow = () => {
    gc?.();
    return mib(process.memoryUsage().heapUsed - base.heapUsed);
  };
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    for (const b of chunk as Buffer) if (b === 10) lines++;
    peakRss = Math.max(peakRss, process.memoryUsage.rss() - base.rss);
    if (marks.length && lines - 1 >= (marks[0] as number)) {
      marks.shift();
      heap.push(heapNow());
    }
  }
  const seconds = (performance.now() - started) / 1000;
  heap.push(heapNow());
  return { seconds, bytes, rows: lines - 1, heap, peakRss: mib(peakRss), gc: gc !== undefined };
}

export type SegmentExportResult = { row: ComparisonRow; detail: string[] };

export async function segmentExportBench(adminUrl: string): Promise<SegmentExportResult> {
  const target = await createBenchDatabase(adminUrl);
  const database = await openDatabase({ databaseUrl: target.url });
  const detail: string[] = [];
  try {
    const t0 = performance.now();
    const runtime = await startBenchRuntime(database);
    const { ctx } = runtime;
    const { org, csmIds } = await createBenchOrganization(ctx, database);
    const made = await generateHealthData(database.db, {
      orgId: org.id,
      clients: CLIENTS,
      csmIds,
      months: MONTHS,
      today: TODAY,
      usageWeeks: 0,
    });
    await vacuumAnalyze(target.url);
    detail.push(
      `  ${made.clients} clients, ${made.entries} pulse entries generated in ${Math.round((performance.now() - t0) / 1000)} s`,
    );
    const result = await compareWithCopy(ctx, target.url, org.id, detail);
    await runtime.close();
    return result;
  } finally {
    await database.close();
    await target.drop();
  }
}

/** The export and COPY, RUNS times each (alternating), on an organization's clients; the table row. */
export async function compareWithCopy(ctx: AppContext, url: string, orgId: string, detail: string[]) {
  const copies: number[] = [];
  const exports: number[] = [];
  let last: Awaited<ReturnType<typeof timeExport>> | undefined;
  await timeExport(ctx, orgId); // warm-up: plans, caches, JIT
  for (let run = 1; run <= RUNS; run++) {
    const copy = await timeCopy(url, orgId);
    last = await timeExport(ctx, orgId);
    copies.push(copy.seconds);
    exports.push(last.seconds);
    detail.push(
      `  run ${run}: COPY ${copy.seconds.toFixed(2)} s (${mib(copy.bytes).toFixed(1)} MiB); ` +
        `export ${last.seconds.toFixed(2)} s (${mib(last.bytes).toFixed(1)} MiB, ${last.rows} rows)`,
    );
  }
  if (!last) throw new Error("BENCH_EXPORT_RUNS must be at least 1");
  const heap = last.heap.map((h) => `${h.toFixed(1)}`).join(" / ");
  const flat = last.gc && Math.max(...last.heap) < FLAT_MIB;
  const ratio = median(exports) / median(copies);
  detail.push(
    `  heap growth${last.gc ? " after GC" : " (no --expose-gc: not judged)"} at 10 / 50 / 100 %: ${heap} MiB; ` +
      `peak RSS growth ${last.peakRss.toFixed(0)} MiB`,
  );
  return {
    row: {
      measure: `segment export, ${last.rows} rows, postgres`,
      project: `${median(exports).toFixed(2)} s, heap ${heap} MiB`,
      baseline: `COPY (same query) TO STDOUT ${median(copies).toFixed(2)} s`,
      ratio,
      target: `≤ ${TARGET_RATIO}x COPY, heap < ${FLAT_MIB} MiB`,
      met: ratio <= TARGET_RATIO && flat,
    },
    detail,
  };
}

async function main(): Promise<number> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log("segment export: skipped (PostgreSQL only; set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
    return 0;
  }
  console.log(`Segment export: ${CLIENTS} clients, ${RUNS} runs, on postgres`);
  const { row, detail } = await segmentExportBench(adminUrl);
  console.log(`${detail.join("\n")}\n\n${formatComparison([row])}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const code = await main().catch((error: unknown) => {
    console.error("segment export bench failed:", error);
    return 1;
  });
  process.exit(code);
}
