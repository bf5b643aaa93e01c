import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, TEST_ENGINES } from "../../../test-support/test-db.js";
import { openDatabase } from "../db/database.js";
import { migrateDatabase } from "../db/migrate.js";
import { defineJob, startJobs } from "./jobs.js";

const quiet = { info: () => {}, error: () => {} };

function recordingJob(seen: string[]) {
  return defineJob({
    name: "test.record",
    payload: z.object({ word: z.string() }),
    handler: async ({ word }) => {
      seen.push(word);
    },
  });
}

describe("jobs", () => {
  const dir = mkdtempSync(join(tmpdir(), "pulse-jobs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs a job queued before a crash after the restart (PGlite on disk)", async () => {
    const first = await openDatabase({ dataDir: dir });
    await migrateDatabase(first);
    const before: string[] = [];
    const jobs = await startJobs(first, [recordingJob(before) as never], quiet);
    await jobs.send(recordingJob(before), { word: "survives" });
    // The process "dies": no worker ever ran, nothing is stopped gracefully.
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    const after: string[] = [];
    const restarted = await startJobs(second, [recordingJob(after) as never], quiet);
    expect(await restarted.drain()).toBe(1);
    expect(after).toEqual(["survives"]);
    expect(before).toEqual([]);
    await restarted.stop();
    await second.close();
  });

  it.each(TEST_ENGINES)("writes a job with its transaction and only if it commits (%s)", async (engine) => {
    const { database, drop } = await createTestDatabase(engine);
    await migrateDatabase(database);
    const seen: string[] = [];
    const job = recordingJob(seen);
    const jobs = await startJobs(database, [job as never], quiet);
    await database.db.transaction(async (tx) => {
      await jobs.send(job, { word: "committed" }, { tx });
    });
    await database.db
      .transaction(async (tx) => {
        await jobs.send(job, { word: "rolled back" }, { tx });
        throw new Error("abort");
      })
      .catch(() => {});
    await jobs.drain();
    expect(seen).toEqual(["committed"]);
    await jobs.stop();
    await drop();
  });

  it.each(TEST_ENGINES)("queues a delayed job inside a transaction (%s)", async (engine) => {
    const { database, drop } = await createTestDatabase(engine);
    await migrateDatabase(database);
    const seen: string[] = [];
    const job = recordingJob(seen);
    const jobs = await startJobs(database, [job as never], quiet);
    await database.db.transaction(async (tx) => {
      await jobs.send(job, { word: "later" }, { tx, startAfterSeconds: 3600 });
    });
    // Not due yet: the delay was stored with the job.
    expect(await jobs.drain()).toBe(0);
    const { rows } = await database.executeSql(
      "select extract(epoch from start_after - now())::int as wait from pgboss.job where name = $1",
      [job.name],
    );
    expect(Number(rows[0]?.wait)).toBeGreaterThan(3500);
    await jobs.stop();
    await drop();
  });

  it.each(TEST_ENGINES)("runs jobs with polling workers (%s)", async (engine) => {
    const { database, drop } = await createTestDatabase(engine);
    await migrateDatabase(database);
    const seen: string[] = [];
    const job = recordingJob(seen);
    const jobs = await startJobs(database, [job as never], quiet, { pollingIntervalSeconds: 0.5 });
    await jobs.work();
    await jobs.send(job, { word: "polled" });
    await expect.poll(() => seen, { timeout: 10_000 }).toEqual(["polled"]);
    await jobs.stop();
    await drop();
  });
});
