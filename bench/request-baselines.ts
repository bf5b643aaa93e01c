import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD } from "../src/features/demo/demo-accounts.js";
import type { ComparisonRow } from "./comparison-table.js";
import { type LoadResult, type LoadSettings, measure } from "./load.js";
import { createBenchDatabase, vacuumAnalyze } from "./postgres-database.js";
import { type ChildServer, startBaseline, startClientsSqlBaseline, startPulse } from "./servers.js";
import { signIn } from "./sign-in.js";

/** The issue 10 targets: each Pulse route at least this share of its baseline's throughput. */
const TARGET_RATIO = 0.6;
const PAGE_SIZE = 25;
const reqPerSecond = (n: number) => `${Math.round(n).toLocaleString("en-US")} req/s`;

export type RequestRun = { engine: string; target: string; result: LoadResult };

/**
 * On one engine, in child processes: the bare Fastify hello-world, then Pulse's GET /api/me (session +
 * user + memberships, the cost every page pays) and its clients page of 25, then (Pulse stopped, so PGlite's
 * data directory is free) a bare Fastify route sending the clients page's own statements to the driver.
 */
export async function requestBaselines(
  engine: { label: string; adminUrl?: string },
  settings: LoadSettings,
  track: (server: ChildServer) => void,
): Promise<{ runs: RequestRun[]; summary: ComparisonRow[] }> {
  const database = engine.adminUrl ? await createBenchDatabase(engine.adminUrl) : undefined;
  const dataDir = database ? undefined : mkdtempSync(join(tmpdir(), "pulse-bench-"));
  const servers: ChildServer[] = [];
  const start = async (server: Promise<ChildServer>) => {
    const started = await server;
    servers.push(started);
    track(started);
    return started;
  };
  const runs: RequestRun[] = [];
  const run = async (target: string, url: string, headers: Record<string, string> = {}) => {
    const result = await measure(url, headers, settings);
    console.log(
      `  ${engine.label} ${target}: ${reqPerSecond(result.requestsPerSecond)}, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.failed} failed`,
    );
    runs.push({ engine: engine.label, target, result });
    return result;
  };
  try {
    const pulse = await start(startPulse({ databaseUrl: database?.url, dataDir }));
    const hello = await start(startBaseline());
    const cookie = await signIn(pulse.url, "owner@demo.pulse", DEMO_PASSWORD);
    const me = (await (await fetch(`${pulse.url}/api/me`, { headers: { cookie } })).json()) as {
      activeOrganizationId: string;
    };
    const orgId = me.activeOrganizationId;
    const clientsUrl = `${pulse.url}/api/organizations/${orgId}/clients?limit=${PAGE_SIZE}`;
    const page = await fetch(clientsUrl, { headers: { cookie } });
    if (page.status !== 200) throw new Error(`the clients page answered ${page.status}`);
    if (database) await vacuumAnalyze(database.url);

    const helloRun = await run("fastify hello-world", hello.url);
    const meRun = await run("GET /api/me", `${pulse.url}/api/me`, { cookie });
    const clientsRun = await run(`clients page of ${PAGE_SIZE}`, clientsUrl, { cookie });
    await pulse.stop();
    const bare = await start(startClientsSqlBaseline({ orgId, databaseUrl: database?.url, dataDir }));
    const bareRun = await run("bare fastify + clients-page SQL", bare.url);

    const row = (measure: string, project: LoadResult, baseline: LoadResult, name: string): ComparisonRow => {
      const ratio = project.requestsPerSecond / baseline.requestsPerSecond;
      return {
        measure: `${measure}, ${engine.label}`,
        project: reqPerSecond(project.requestsPerSecond),
        baseline: `${reqPerSecond(baseline.requestsPerSecond)} (${name})`,
        ratio,
        target: `≥ ${TARGET_RATIO}x ${name}`,
        met: ratio >= TARGET_RATIO && project.failed === 0,
      };
    };
    return {
      runs,
      summary: [
        row("GET /api/me", meRun, helloRun, "hello"),
        row(`clients page of ${PAGE_SIZE}`, clientsRun, bareRun, "bare SQL route"),
      ],
    };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
