import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { hashToken } from "../src/features/accounts/identity/secrets.js";
import { grantStaffAccess } from "../src/features/billing/service.js";
import { type Database, openDatabase } from "../src/platform/db/database.js";
import { type ComparisonRow, formatComparison } from "./comparison-table.js";
import { createBenchDatabase, vacuumAnalyze } from "./postgres-database.js";
import { startPulse } from "./servers.js";

// Part of `npm run bench` (PostgreSQL only: BENCH_DATABASE_URL or TEST_DATABASE_URL): BENCH_EXAM_LEARNERS
// learners (default 200) with the plan that opens CCSMP Level 4 start Exam A at the same moment, over HTTP,
// against a Pulse server in its own process (demo data and content as `npm start` has them, jobs off).
// Baseline in the same run: the same learners call GET /api/me at the same moment (the cost every page
// pays). BENCH_EXAM_ROUNDS rounds (default 3; the attempts are deleted between rounds so each start draws
// anew); latencies of every round are pooled. Target: no errors, p99 < 500 ms.

const LEARNERS = Number(process.env.BENCH_EXAM_LEARNERS ?? 200);
const ROUNDS = Number(process.env.BENCH_EXAM_ROUNDS ?? 3);
const EXAM_KEY = "ccsmp.exam-a";
const TARGET_P99_MS = 500;

type Burst = { ms: number[]; errors: number; statuses: Map<number, number> };

/** Fires one request per cookie at the same moment; each latency counts from that moment. */
async function burst(cookies: string[], request: (cookie: string) => Promise<Response>, ok: number): Promise<Burst> {
  const statuses = new Map<number, number>();
  const started = performance.now();
  const ms = await Promise.all(
    cookies.map(async (cookie) => {
      let status = 0;
      try {
        const response = await request(cookie);
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = -1;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      return performance.now() - started;
    }),
  );
  return { ms, errors: [...statuses].filter(([s]) => s !== ok).reduce((n, [, c]) => n + c, 0), statuses };
}

const percentile = (ms: number[], q: number) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/**
 * Learners holding the Full plan (a staff grant, as Admin > Academy gives it) with a live session each
 * (cookie tokens made here, stored hashed as sign-in does).
 */
async function seedLearners(database: Database, count: number): Promise<{ cookies: string[]; userIds: string[] }> {
  const tag = randomBytes(3).toString("hex");
  const { rows } = await database.executeSql(
    `insert into users (email, name, password_hash, email_confirmed_at)
     select 'exam-' || g || '-' || $1 || '@bench.test', 'Candidate ' || g, 'not-a-hash', now()
     from generate_series(1, $2::int) g returning id`,
    [tag, count],
  );
  const userIds = rows.map((r) => r.id as string);
  const now = new Date();
  for (const userId of userIds) {
    await grantStaffAccess(database.db, { userId, accessKey: "full", grantedBy: null, now, endsAt: null });
  }
  const tokens = userIds.map(() => randomBytes(32).toString("base64url"));
  await database.executeSql(
    `insert into sessions (id, user_id, expires_at)
     select unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`,
    [tokens.map(hashToken), userIds],
  );
  return { cookies: tokens.map((t) => `pulse_session=${t}`), userIds };
}

export type ExamStartResult = { row: ComparisonRow; detail: string[] };

/** Runs the bench on a fresh database of the server at adminUrl. */
export async function examStartBench(adminUrl: string): Promise<ExamStartResult> {
  const target = await createBenchDatabase(adminUrl);
  const server = await startPulse({ databaseUrl: target.url }).catch(async (error) => {
    await target.drop();
    throw error;
  });
  const database = await openDatabase({ databaseUrl: target.url, poolSize: 2 });
  try {
    const exam = await database.executeSql("select id from academy_assessments where key = $1", [EXAM_KEY]);
    const examId = exam.rows[0]?.id as string | undefined;
    if (!examId) throw new Error(`${EXAM_KEY} was not imported (is content/ there?)`);
    const learners = await seedLearners(database, LEARNERS);
    const warm = await seedLearners(database, 5);
    await vacuumAnalyze(target.url);
    const me = (cookie: string) => fetch(`${server.url}/api/me`, { headers: { cookie } });
    const start = (cookie: string) =>
      fetch(`${server.url}/api/academy/assessments/${examId}/attempts`, { method: "POST", headers: { cookie } });
    // Warm-up: plans prepared, caches filled, connections open.
    await burst(warm.cookies, me, 200);
    await burst(warm.cookies, start, 201);

    const meMs: number[] = [];
    const startMs: number[] = [];
    let meErrors = 0;
    let startErrors = 0;
    const detail: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const base = await burst(learners.cookies, me, 200);
      const starts = await burst(learners.cookies, start, 201);
      meMs.push(...base.ms);
      startMs.push(...starts.ms);
      meErrors += base.errors;
      startErrors += starts.errors;
      detail.push(
        `  round ${round}: /api/me p50 ${percentile(base.ms, 0.5).toFixed(0)} p99 ${percentile(base.ms, 0.99).toFixed(0)} ms; ` +
          `start p50 ${percentile(starts.ms, 0.5).toFixed(0)} p99 ${percentile(starts.ms, 0.99).toFixed(0)} ms; ` +
          `statuses ${[...starts.statuses].map(([s, n]) => `${s}×${n}`).join(" ")}`,
      );
      await database.executeSql("delete from academy_attempts where user_id = any($1::uuid[])", [learners.userIds]);
    }
    const p99 = percentile(startMs, 0.99);
    const baseP99 = percentile(meMs, 0.99);
    return {
      row: {
        measure: `${LEARNERS} learners start Exam A at once, postgres`,
        project: `${startErrors} errors, p50 ${percentile(startMs, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
        baseline: `${LEARNERS} × /api/me: ${meErrors} errors, p99 ${baseP99.toFixed(0)} ms`,
        ratio: p99 / baseP99,
        target: `0 errors, p99 < ${TARGET_P99_MS} ms`,
        met: startErrors === 0 && meErrors === 0 && p99 < TARGET_P99_MS,
      },
      detail,
    };
  } finally {
    await database.close();
    await server.stop();
    await target.drop();
  }
}

async function main(): Promise<number> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log("exam start: skipped (PostgreSQL only; set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
    return 0;
  }
  console.log(`Exam start: ${LEARNERS} learners at once, ${ROUNDS} rounds, on postgres`);
  const { row, detail } = await examStartBench(adminUrl);
  console.log(`${detail.join("\n")}\n\n${formatComparison([row])}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const code = await main().catch((error: unknown) => {
    console.error("exam start bench failed:", error);
    return 1;
  });
  process.exit(code);
}
