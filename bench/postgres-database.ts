import { randomBytes } from "node:crypto";
import pg from "pg";

export type BenchDatabase = { url: string; drop: () => Promise<void> };

/** A fresh database on the server of adminUrl, so each run starts from the same empty state. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `pulse_bench_${randomBytes(5).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)),
  };
}

/** DESIGN.md: VACUUM ANALYZE after seeding, before timing anything. */
export async function vacuumAnalyze(url: string): Promise<void> {
  await withClient(url, (c) => c.query("vacuum analyze"));
}

async function withClient(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
