import { randomBytes } from "node:crypto";
import { createConfirmedUser } from "../src/features/accounts/identity/service.js";
import { addMember, ensureOrganization } from "../src/features/accounts/organizations/service.js";
import type { AppContext } from "../src/platform/context.js";
import { type Database, openDatabase } from "../src/platform/db/database.js";
import { type Runtime, startRuntime } from "../src/runtime.js";
import { createBenchDatabase } from "./postgres-database.js";

export type Timing = { p50: number; p99: number };

/** Runs fn once to warm up, then `runs` times; p50 and p99 in milliseconds. */
export async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number;
  return { p50: at(0.5), p99: at(0.99) };
}

/** The engines a bench runs on: `pglite,postgres` unless the named variable lists fewer. */
export const enginesFrom = (variable: string | undefined) =>
  (variable ?? "pglite,postgres").split(",").map((e) => e.trim());

/**
 * Runs `bench` on an in-memory PGlite and on a fresh PostgreSQL database (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL), each when listed in `engines`; returns the rows each run printed, in that order.
 */
export async function onEachEngine(
  engines: string[],
  bench: (label: string, database: Database) => Promise<string[]>,
): Promise<string[]> {
  const rows: string[] = [];
  if (engines.includes("pglite")) {
    const pglite = await openDatabase({ dataDir: "memory://" });
    try {
      rows.push(...(await bench("pglite", pglite)));
    } finally {
      await pglite.close();
    }
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!engines.includes("postgres")) return rows;
  if (!adminUrl) {
    console.log("postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
    return rows;
  }
  const target = await createBenchDatabase(adminUrl);
  const database = await openDatabase({ databaseUrl: target.url, poolSize: 4 });
  try {
    rows.push(...(await bench("postgres", database)));
  } finally {
    await database.close();
    await target.drop();
  }
  return rows;
}

/** The app's runtime (migrations, jobs, context) on a bench database, logging errors only. */
export function startBenchRuntime(database: Database): Promise<Runtime> {
  return startRuntime({
    database,
    log: { info: () => {}, error: (o: object) => console.error(o) },
    config: {
      dataDir: "memory://",
      appUrl: "http://bench",
      mailFrom: "bench",
      sessionTtlHours: 1,
      loginMaxFailuresPerEmail: 5,
      loginFailureWindowMinutes: 15,
    },
  });
}

/** A fresh "Bench" organization with `csms` confirmed CSM members (the health benches' book owners). */
export async function createBenchOrganization(ctx: AppContext, database: Database, csms = 20) {
  const org = await ensureOrganization(database.db, { name: "Bench", slug: `bench-${randomBytes(3).toString("hex")}` });
  const csmIds: string[] = [];
  for (let i = 0; i < csms; i++) {
    const u = await createConfirmedUser(ctx, {
      email: `csm${i}-${org.slug}@bench.test`,
      name: `CSM ${i}`,
      password: "bench-password",
    });
    await addMember(database.db, org.id, u.userId, "member");
    csmIds.push(u.userId);
  }
  return { org, csmIds };
}
