import { type ComparisonRow, formatComparison } from "./comparison-table.js";
import type { LoadSettings } from "./load.js";
import { type RequestRun, requestBaselines } from "./request-baselines.js";
import type { ChildServer } from "./servers.js";

// npm run bench: GET /api/me against a bare Fastify hello-world and the clients page of 25 against a bare
// Fastify route sending the same SQL to the driver, on PGlite and, when BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) names a PostgreSQL server, on a fresh database there too. Prints one summary table.
// BENCH_DURATION (s, default 10), BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (10) tune the runs.

const settings: LoadSettings = {
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 2),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
};
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engines = [{ label: "pglite" }, ...(postgresUrl ? [{ label: "postgres", adminUrl: postgresUrl }] : [])];

// Start-up, sign-in and the four measured runs per engine, with room to spare; then children are killed.
const LIMIT_MS = engines.length * (240_000 + 4 * (settings.durationSeconds + settings.warmupSeconds) * 1000);

const children: ChildServer[] = [];
const stopAll = () => Promise.allSettled(children.map((c) => c.stop()));

async function main(): Promise<number> {
  console.log(
    `Bench: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per target; engines: ${engines.map((e) => e.label).join(", ")}`,
  );
  const runs: RequestRun[] = [];
  const summary: ComparisonRow[] = [];
  for (const engine of engines) {
    console.log(`… ${engine.label}`);
    const measured = await requestBaselines(engine, settings, (c) => children.push(c));
    runs.push(...measured.runs);
    summary.push(...measured.summary);
  }
  // Each engine's rows side by side: /api/me on every engine, then the clients page on every engine.
  const kind = (row: ComparisonRow) => (row.measure.startsWith("GET /api/me") ? 0 : 1);
  summary.sort((a, b) => kind(a) - kind(b));
  console.log(`\n${formatComparison(summary)}\n`);
  const failed = runs.filter((r) => r.result.failed > 0);
  if (failed.length > 0) {
    console.error(
      `Failed requests in: ${failed.map((r) => `${r.engine} ${r.target}`).join(", ")}; the numbers are not valid.`,
    );
    return 1;
  }
  return 0;
}

const timer = setTimeout(() => {
  console.error(`bench: over the ${Math.round(LIMIT_MS / 1000)} s limit; stopping`);
  void stopAll().then(() => process.exit(1));
}, LIMIT_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().then(() => process.exit(130)));
}

const code = await main().catch((error: unknown) => {
  console.error("bench failed:", error instanceof Error ? error.message : error);
  return 1;
});
clearTimeout(timer);
await stopAll();
process.exit(code);
