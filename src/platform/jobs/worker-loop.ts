/**
 * One queue's worker: fetch a batch, run its jobs (at most `concurrency` at once), settle each job on
 * its own (a failure retries that job only), and fetch again at once while there is work; wait
 * `idleSeconds` only when the queue was empty. pg-boss 10's own worker waits its polling interval after
 * every batch, busy or not, which capped a queue at one job per interval with batches of one.
 */
export type WorkerLoopOptions = { batchSize: number; concurrency: number; idleSeconds: number };

export type BatchJob = { id: string };

/** Runs `run` over the jobs, at most `concurrency` at a time; returns the ids that succeeded and the failures. */
export async function runBatch<J extends BatchJob>(
  jobs: readonly J[],
  concurrency: number,
  run: (job: J) => Promise<void>,
): Promise<{ done: string[]; failed: { job: J; error: unknown }[] }> {
  const done: string[] = [];
  const failed: { job: J; error: unknown }[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as J;
      try {
        await run(job);
        done.push(job.id);
      } catch (error) {
        failed.push({ job, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
  return { done, failed };
}

export type WorkerLoop = { stop: () => Promise<void> };

/** Starts the loop; `handleBatch` runs and settles one fetched batch. `stop` waits for the batch in hand. */
export function startWorkerLoop<J extends BatchJob>(
  fetchBatch: () => Promise<J[]>,
  handleBatch: (jobs: J[]) => Promise<void>,
  options: WorkerLoopOptions,
  onError: (error: unknown) => void,
): WorkerLoop {
  let stopped = false;
  let wake: (() => void) | undefined;
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.idleSeconds * 1000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      let fetched = 0;
      try {
        const jobs = await fetchBatch();
        fetched = jobs.length;
        if (fetched) await handleBatch(jobs);
      } catch (error) {
        onError(error);
      }
      if (!stopped && fetched < options.batchSize) await idle();
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
