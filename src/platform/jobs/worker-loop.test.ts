import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from "../../../test-support/test-db.js";
import { migrateDatabase } from "../db/migrate.js";
import { defineJob, startJobs } from "./jobs.js";
import { runBatch } from "./worker-loop.js";

const quiet = { info: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runBatch", () => {
  it("runs at most `concurrency` jobs at once and reports each failure on its own", async () => {
    let running = 0;
    let peak = 0;
    const jobs = Array.from({ length: 10 }, (_, i) => ({ id: `j${i}` }));
    const { done, failed } = await runBatch(jobs, 3, async (job) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(5);
      running--;
      if (job.id === "j4") throw new Error("boom");
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual(
      jobs
        .map((j) => j.id)
        .filter((id) => id !== "j4")
        .sort(),
    );
    expect(failed.map((f) => f.job.id)).toEqual(["j4"]);
  });
});

describe.each(TEST_ENGINES)("job workers on %s", (engine) => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => testDb?.drop());

  it("works through a burst in batches without waiting a polling interval per job, retrying only the failed one", async () => {
    testDb = await createTestDatabase(engine);
    await migrateDatabase(testDb.database);
    const seen = new Map<number, number>();
    let running = 0;
    let peak = 0;
    const job = defineJob({
      name: "test.burst",
      payload: z.object({ n: z.number() }),
      batchSize: 10,
      concurrency: 4,
      retryDelaySeconds: 1,
      handler: async ({ n }) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(20);
        running--;
        seen.set(n, (seen.get(n) ?? 0) + 1);
        if (n === 7 && seen.get(n) === 1) throw new Error("first attempt fails");
      },
    });
    // A long idle interval: the burst must not wait it between batches (six batches, well under one interval).
    const jobs = await startJobs(testDb.database, [job as never], quiet, { pollingIntervalSeconds: 5 });
    for (let n = 0; n < 60; n++) await jobs.send(job, { n });
    const started = Date.now();
    await jobs.work();
    await expect.poll(() => seen.size, { timeout: 10_000, interval: 50 }).toBe(60);
    expect(Date.now() - started).toBeLessThan(4_000);
    if (engine === "postgres") expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(4);
    // Every job ran once, except the one that failed, which alone runs again.
    expect([...seen.entries()].filter(([n, times]) => n !== 7 && times !== 1)).toEqual([]);
    await expect.poll(() => seen.get(7), { timeout: 20_000, interval: 200 }).toBe(2);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(61);
    await jobs.stop();
  }, 60_000);
});
