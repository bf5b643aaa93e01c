import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { createConfirmedUser } from "../src/features/accounts/identity/service.js";
import { addMember, ensureOrganization } from "../src/features/accounts/organizations/service.js";
import { createClient } from "../src/features/health/clients/service.js";
import { recordPulse } from "../src/features/health/pulses/service.js";
import type { Actor } from "../src/kernel/auth.js";
import { type Database, openDatabase } from "../src/platform/db/database.js";
import { startBenchRuntime } from "./engine-bench.js";
import { createBenchDatabase } from "./postgres-database.js";

// Part of `npm run bench` (PostgreSQL only: BENCH_DATABASE_URL or TEST_DATABASE_URL): how long risk alerts
// take to exist after a burst of pulses. BENCH_ALERTS_PULSES clients (default 200), each Satisfied, get a
// High Risk pulse (crossing the default threshold), BENCH_ALERTS_SENDERS at a time (default 10), with the
// job workers running as in production (pool of 10 connections). Timed: until the last pulse is recorded,
// and until every alert exists. Baseline: the same number of single-row inserts with plain SQL.

const PULSES = Number(process.env.BENCH_ALERTS_PULSES ?? 200);
const SENDERS = Number(process.env.BENCH_ALERTS_SENDERS ?? 10);
const LIMIT_MS = 120_000;

const count = async (database: Database, query: ReturnType<typeof sql>) =>
  Number(((await database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);

/** Runs fn over 0..n-1, `lanes` at a time. */
async function inLanes(n: number, lanes: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function setUp(database: Database) {
  const runtime = await startBenchRuntime(database);
  const { ctx } = runtime;
  const org = await ensureOrganization(database.db, { name: "Bench", slug: `bench-${randomBytes(3).toString("hex")}` });
  const person = async (role: "owner" | "manager" | "member") => {
    const email = `${role}-${randomBytes(3).toString("hex")}@bench.test`;
    const { userId } = await createConfirmedUser(ctx, { email, name: role, password: "bench password 123" });
    await addMember(database.db, org.id, userId, role);
    return { userId, email };
  };
  await person("owner");
  const csm = await person("member");
  const actor: Actor = {
    userId: csm.userId,
    email: csm.email,
    name: "CSM",
    isPlatformAdmin: false,
    sessionId: "bench",
    activeOrgId: org.id,
    memberships: new Map([[org.id, "member"]]),
  };
  const clientIds: string[] = [];
  for (let i = 0; i < PULSES; i++) {
    const client = await createClient(ctx, org.id, { name: `Client ${i}`, assignedCsmId: csm.userId });
    await recordPulse(ctx, actor, org.id, client.id, { level: "satisfied" });
    clientIds.push(client.id);
  }
  await ctx.jobs.drain(); // the Satisfied pulses' jobs: nothing is due when the timing starts
  return { runtime, orgId: org.id, actor, clientIds };
}

async function baseline(database: Database): Promise<number> {
  await database.db.execute(sql`create table bench_rows (id serial primary key, org_id uuid, note text)`);
  const orgId = "00000000-0000-4000-8000-000000000000";
  const started = performance.now();
  await inLanes(PULSES, SENDERS, (i) =>
    database.db.execute(sql`insert into bench_rows (org_id, note) values (${orgId}, ${`row ${i}`})`),
  );
  return performance.now() - started;
}

async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log("alerts latency: skipped (PostgreSQL only; set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
    return;
  }
  const target = await createBenchDatabase(adminUrl);
  const database = await openDatabase({ databaseUrl: target.url, poolSize: 10 });
  try {
    const { runtime, orgId, actor, clientIds } = await setUp(database);
    const { ctx } = runtime;
    const baseMs = await baseline(database);
    await ctx.jobs.work();
    const started = performance.now();
    await inLanes(PULSES, SENDERS, (i) =>
      recordPulse(ctx, actor, orgId, clientIds[i] as string, { level: "high_risk" }),
    );
    const recordedMs = performance.now() - started;
    let alerts = 0;
    while (alerts < PULSES && performance.now() - started < LIMIT_MS) {
      alerts = await count(database, sql`select count(*)::int as n from alerts where org_id = ${orgId}`);
      if (alerts < PULSES) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const allMs = performance.now() - started;
    console.log(`Alerts latency on postgres: ${PULSES} High Risk pulses, ${SENDERS} senders at a time`);
    console.log(`  baseline: ${PULSES} single-row SQL inserts        ${baseMs.toFixed(0).padStart(7)} ms`);
    console.log(`  pulses recorded (API service, in transactions)   ${recordedMs.toFixed(0).padStart(7)} ms`);
    console.log(
      `  every alert exists (from the first pulse)        ${allMs.toFixed(0).padStart(7)} ms${alerts < PULSES ? `  (only ${alerts} of ${PULSES} within ${LIMIT_MS / 1000} s)` : ""}`,
    );
    await runtime.close();
    if (alerts < PULSES) process.exitCode = 1;
  } finally {
    await database.close();
    await target.drop();
  }
}

await main();
