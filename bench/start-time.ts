import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ComparisonRow, formatComparison } from "./comparison-table.js";
import { freePort } from "./free-port.js";
import { HEALTH_REPORT_PAGE, kb, LOGIN_PAGE, measurePage, TARGETS_KB } from "./web-bundle.js";

// npm run bench (last step): `npm start` (scripts/start.mjs) twice on one fresh PGlite DATA_DIR with the
// demo data: the first start builds what changed, migrates and seeds; the second finds nothing to build
// and the data in place. Each is timed from spawn to /api/health answering 200. Then the JavaScript a
// browser downloads for /login and the Current Pulse Health report, from the web/dist those starts built.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LIMIT_MS = 300_000;
const SECOND_START_TARGET_S = 5;

type Start = { seconds: number; built: string };

async function timedStart(dataDir: string): Promise<Start> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    PULSE_DEMO: "true",
    LOG_LEVEL: "warn",
    BILLING_TEST_MODE: "true",
  };
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    while (performance.now() - started < LIMIT_MS) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        const seconds = (performance.now() - started) / 1000;
        return { seconds, built: output.match(/pulse: ([^(\n]+)/)?.[1]?.trim() ?? "?" };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`npm start did not answer within ${LIMIT_MS / 1000} s:\n${output}`);
  } finally {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "pulse-start-"));
  try {
    console.log("Start time: npm start twice on a fresh PGlite DATA_DIR (demo data) …");
    const first = await timedStart(dataDir);
    const second = await timedStart(dataDir);
    const webDist = join(ROOT, "web/dist");
    const login = measurePage(webDist, LOGIN_PAGE);
    const report = measurePage(webDist, HEALTH_REPORT_PAGE);
    const rows: ComparisonRow[] = [
      {
        measure: "first npm start (PGlite, seeds demo)",
        project: `${first.seconds.toFixed(1)} s (${first.built})`,
        baseline: "",
        target: "",
        met: true,
      },
      {
        measure: "second npm start (PGlite)",
        project: `${second.seconds.toFixed(1)} s (${second.built})`,
        baseline: "",
        target: `< ${SECOND_START_TARGET_S} s`,
        met: second.seconds < SECOND_START_TARGET_S,
      },
      {
        measure: "JS for /login (brotli)",
        project: `${kb(login.brotliBytes).toFixed(1)} KB, ${login.files.length} files`,
        baseline: "",
        target: `<= ${TARGETS_KB.login} KB`,
        met: kb(login.brotliBytes) <= TARGETS_KB.login,
      },
      {
        measure: "JS for the health report (brotli, ECharts included)",
        project: `${kb(report.brotliBytes).toFixed(1)} KB, ${report.files.length} files`,
        baseline: "",
        target: `<= ${TARGETS_KB.report} KB`,
        met: kb(report.brotliBytes) <= TARGETS_KB.report,
      },
    ];
    console.log(`\n${formatComparison(rows)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
