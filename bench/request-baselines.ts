import { DEMO_PASSWORD } from "../src/features/demo/demo-accounts.js";
import { type LoadResult, type LoadSettings, measure } from "./load.js";
import { createBenchDatabase, vacuumAnalyze } from "./postgres-database.js";
import { type ChildServer, startBaseline, startPulse } from "./servers.js";
import { signIn } from "./sign-in.js";

export type BenchRow = { engine: string; target: string; result: LoadResult; ratio?: number };

/**
 * GET /api/me with a signed-in session (session lookup + user + memberships: the cost every page pays)
 * against a bare Fastify hello-world measured right before it, both in child processes.
 */
export async function meVsBaseline(
  engine: { label: string; adminUrl?: string },
  settings: LoadSettings,
  track: (server: ChildServer) => void,
): Promise<BenchRow[]> {
  const database = engine.adminUrl ? await createBenchDatabase(engine.adminUrl) : undefined;
  let pulse: ChildServer | undefined;
  let baseline: ChildServer | undefined;
  try {
    pulse = await startPulse({ databaseUrl: database?.url });
    track(pulse);
    baseline = await startBaseline();
    track(baseline);
    const cookie = await signIn(pulse.url, "owner@demo.pulse", DEMO_PASSWORD);
    if (database) await vacuumAnalyze(database.url);

    const base = await measure(baseline.url, {}, settings);
    const me = await measure(`${pulse.url}/api/me`, { cookie }, settings);
    return [
      { engine: engine.label, target: "fastify hello-world", result: base },
      { engine: engine.label, target: "GET /api/me", result: me, ratio: me.requestsPerSecond / base.requestsPerSecond },
    ];
  } finally {
    await baseline?.stop();
    await pulse?.stop();
    await database?.drop();
  }
}
