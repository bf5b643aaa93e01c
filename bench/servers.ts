import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";

export type ChildServer = { name: string; url: string; stop: () => Promise<void> };

const STARTUP_LIMIT_MS = 180_000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Pulse in its own process (PGlite in a temp DATA_DIR, or databaseUrl), demo data on, jobs off. A dataDir
 * given by the caller stays after stop (the caller removes it); the default temp one is removed.
 */
export async function startPulse(options: { databaseUrl?: string; dataDir?: string } = {}): Promise<ChildServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "pulse-bench-"));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    APP_URL: url,
    DATA_DIR: dataDir,
    PULSE_DEMO: "true",
    LOG_LEVEL: "warn",
    JOBS: "false",
    // Production mode refuses to start billing without Stripe keys unless told it takes no money.
    BILLING_TEST_MODE: "true",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const child = spawnNode(["--import", "tsx", "src/main.ts"], env);
  const server = await whenHealthy(
    options.databaseUrl ? "pulse (postgres)" : "pulse (pglite)",
    child,
    `${url}/api/health`,
  );
  return {
    ...server,
    url,
    stop: async () => {
      await server.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bare Fastify hello-world in its own process. */
export async function startBaseline(): Promise<ChildServer> {
  const port = await freePort();
  const child = spawnNode(["--import", "tsx", "bench/hello-server.ts", String(port)], { PATH: process.env.PATH });
  const url = `http://127.0.0.1:${port}/`;
  return { ...(await whenHealthy("fastify hello-world", child, url)), url };
}

/**
 * The clients page's baseline (bench/clients-sql-server.ts) in its own process, on the database Pulse
 * used: a PostgreSQL URL, or a PGlite DATA_DIR that no running Pulse holds open.
 */
export async function startClientsSqlBaseline(options: {
  orgId: string;
  databaseUrl?: string;
  dataDir?: string;
}): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: options.dataDir }),
  };
  const child = spawnNode(["--import", "tsx", "bench/clients-sql-server.ts", String(port), options.orgId], env);
  const url = `http://127.0.0.1:${port}/`;
  return { ...(await whenHealthy("bare fastify + clients-page SQL", child, url)), url };
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
}

/** Waits until url answers 200; fails with the child's output when it exits or takes too long. */
async function whenHealthy(name: string, child: ChildProcess, url: string): Promise<ChildServer> {
  let output = "";
  child.stdout?.on("data", (d) => {
    output = (output + d).slice(-4000);
  });
  child.stderr?.on("data", (d) => {
    output = (output + d).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  // Start-up seeds the demo data (some 150,000 rows), which takes a while on PGlite on a busy machine.
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { name, url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${name} did not answer ${url} within ${STARTUP_LIMIT_MS / 1000} s:\n${output}`);
}
