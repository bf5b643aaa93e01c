import PgBoss from "pg-boss";
import type { z } from "zod";
import type { Database, ExecuteSql, Tx } from "../db/database.js";
import { toDrizzleSql } from "../db/raw-sql.js";
import { runBatch, startWorkerLoop, type WorkerLoop } from "./worker-loop.js";

export type JobLogger = {
  info: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
};

export type JobDefinition<P = unknown> = {
  name: string;
  payload: z.ZodType<P>;
  handler: (payload: P, meta: { jobId: string; attempt: number }) => Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Jobs fetched at once by the worker (default 1) and how many of them run at the same time (default 1). */
  batchSize?: number;
  concurrency?: number;
  /**
   * For long jobs: while the handler runs, its pg-boss expiry is renewed every `heartbeatSeconds`, and
   * the job expires HEARTBEAT_MISSES beats after the last one (pg-boss 10 has no heartbeat of its own;
   * its default expiry is 15 minutes). Workers check for expired jobs every `heartbeatSeconds`, so a job
   * whose worker died is retried within about HEARTBEAT_MISSES + 1 beats plus its retry delay.
   */
  heartbeatSeconds?: number;
};

/** Beats a running job may miss before pg-boss expires it and retries it. */
export const HEARTBEAT_MISSES = 3;

/** Moves a running job's expiry to `seconds` from now (pg-boss counts expiry from started_on). */
const RENEW_EXPIRY = `UPDATE pgboss.job SET expire_in = (now() - started_on) + $3::int * interval '1 second'
  WHERE name = $1 AND id = $2::uuid AND state = 'active'`;

/** Declares a job: its name, its payload schema and what it does. Handlers must be idempotent. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** Jobs of different payload types in one list (the payload is parsed by each job's own schema). */
export type AnyJob = JobDefinition<never>;
export const anyJob = <P>(definition: JobDefinition<P>): AnyJob => definition as unknown as AnyJob;

/** What a sender needs to know of a job: its name and payload (events.ts files export these). */
export type JobName<P> = { name: string; payload: z.ZodType<P> };

export type Jobs = {
  /** Queues a job; with `tx` the job is written in that transaction and exists only if it commits. */
  send: <P>(
    definition: JobName<P>,
    payload: P,
    options?: { tx?: Tx; startAfterSeconds?: number; singletonKey?: string },
  ) => Promise<string | null>;
  /** Runs the job on a cron schedule (pg-boss keeps one schedule per name across processes). */
  schedule: <P>(definition: JobName<P>, cron: string, payload: P) => Promise<void>;
  /** Starts polling workers for every registered job. */
  work: () => Promise<void>;
  /** Runs every job that is due now, until none is left (tests, CLI). Returns how many ran. */
  drain: () => Promise<number>;
  stop: () => Promise<void>;
};

type SessionClient = { query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

/**
 * pg-boss SQL inside a Drizzle transaction. It runs on the transaction's own connection (node-postgres
 * PoolClient or PGlite transaction), so "$1-style" parameters keep their meaning: pg-boss uses one parameter
 * in several places with different casts (`right($5, 1)` and `CAST($5 as timestamptz)`), which a
 * rewrite into separate Drizzle parameters would type apart (22007 on a delayed send).
 */
const txExecutor = (tx: Tx): { executeSql: ExecuteSql } => {
  const client = (tx as unknown as { session?: { client?: SessionClient } }).session?.client;
  return {
    executeSql: async (text, values) => {
      if (client && typeof client.query === "function") {
        const result = await client.query(text, values ? [...values] : []);
        return { rows: result.rows };
      }
      const result = (await tx.execute(toDrizzleSql(text, values ?? []))) as unknown as {
        rows: Record<string, unknown>[];
      };
      return { rows: result.rows };
    },
  };
};

/** Boots pg-boss on the app's own database (PGlite or PostgreSQL) and creates a queue per job. */
export async function startJobs(
  database: Database,
  definitions: JobDefinition<never>[],
  log: JobLogger,
  options: { pollingIntervalSeconds?: number; events?: JobName<unknown>[] } = {},
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: database.executeSql },
    schema: "pgboss",
    // PGlite is one connection inside this process: keep pg-boss's own housekeeping light.
    supervise: true,
    // Cron schedules are checked every 30 s by whichever process holds pg-boss's lock.
    schedule: true,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();

  const byName = new Map<string, JobDefinition<never>>();
  for (const definition of definitions) {
    byName.set(definition.name, definition);
    const queue = {
      name: definition.name,
      retryLimit: definition.retryLimit ?? 5,
      retryDelay: definition.retryDelaySeconds ?? 15,
      retryBackoff: true,
      ...(definition.heartbeatSeconds ? { expireInSeconds: definition.heartbeatSeconds * HEARTBEAT_MISSES } : {}),
    };
    await boss.createQueue(definition.name, queue);
    // createQueue leaves an existing queue as it was: a queue that gained a heartbeat gets its short expiry.
    if (definition.heartbeatSeconds) await boss.updateQueue(definition.name, queue);
  }

  // Events whose handlers may live elsewhere still get their queue, so they can be sent inside a transaction.
  for (const event of options.events ?? []) {
    if (!byName.has(event.name)) await boss.createQueue(event.name, { name: event.name });
  }
  const queues = new Set([...byName.keys(), ...(options.events ?? []).map((e) => e.name)]);

  const run = async (definition: JobDefinition<never>, job: PgBoss.Job<unknown>) => {
    const payload = definition.payload.parse(job.data);
    const beat = definition.heartbeatSeconds;
    const heartbeat = beat
      ? setInterval(() => {
          database
            .executeSql(RENEW_EXPIRY, [definition.name, job.id, beat * HEARTBEAT_MISSES])
            .catch((error) => log.error({ err: error, job: definition.name }, "job heartbeat failed"));
        }, beat * 1000)
      : undefined;
    try {
      await definition.handler(payload, { jobId: job.id, attempt: (job as { retryCount?: number }).retryCount ?? 0 });
    } finally {
      clearInterval(heartbeat);
    }
  };
  // Expired jobs (a heartbeat that stopped) are retried by whichever worker checks first.
  const beats = definitions.flatMap((d) => (d.heartbeatSeconds ? [d.heartbeatSeconds] : []));
  let expiryCheck: ReturnType<typeof setInterval> | undefined;

  let stopped = false;
  const loops: WorkerLoop[] = [];
  return {
    send: async (definition, payload, sendOptions = {}) => {
      if (!queues.has(definition.name)) throw new Error(`Job ${definition.name} is not registered`);
      const data = definition.payload.parse(payload) as object;
      const opts: PgBoss.SendOptions = {};
      if (sendOptions.tx) (opts as { db?: unknown }).db = txExecutor(sendOptions.tx);
      if (sendOptions.startAfterSeconds) opts.startAfter = sendOptions.startAfterSeconds;
      if (sendOptions.singletonKey) opts.singletonKey = sendOptions.singletonKey;
      return boss.send(definition.name, data, opts);
    },
    schedule: async (definition, cron, payload) => {
      if (!byName.has(definition.name)) throw new Error(`Job ${definition.name} is not registered`);
      await boss.schedule(definition.name, cron, definition.payload.parse(payload) as object, { tz: "UTC" });
    },
    work: async () => {
      if (beats.length && !expiryCheck) {
        expiryCheck = setInterval(
          () => void boss.expire().catch((error) => log.error({ err: error }, "job expiry check failed")),
          Math.min(...beats) * 1000,
        );
      }
      for (const definition of byName.values()) {
        const { name, batchSize = 1, concurrency = 1 } = definition;
        const settle = async (jobs: PgBoss.Job<unknown>[]) => {
          const { done, failed } = await runBatch(jobs, concurrency, (job) => run(definition, job));
          if (done.length) await boss.complete(name, done);
          for (const { job, error } of failed) {
            log.error({ err: error, job: name, jobId: job.id }, "job failed; it will be retried");
            await boss.fail(name, job.id, { message: String(error) });
          }
        };
        loops.push(
          startWorkerLoop(
            () => boss.fetch(name, { batchSize }),
            settle,
            { batchSize, concurrency, idleSeconds: options.pollingIntervalSeconds ?? 2 },
            (error) => log.error({ err: error, job: name }, "job worker error"),
          ),
        );
      }
    },
    drain: async () => {
      let count = 0;
      for (let round = 0; round < 100; round++) {
        let ranThisRound = 0;
        for (const definition of byName.values()) {
          const jobs = await boss.fetch(definition.name, { batchSize: 20 });
          for (const job of jobs ?? []) {
            try {
              await run(definition, job);
              await boss.complete(definition.name, job.id);
            } catch (error) {
              await boss.fail(definition.name, job.id, { message: String(error) });
            }
            ranThisRound++;
          }
        }
        count += ranThisRound;
        if (ranThisRound === 0) break;
      }
      return count;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(expiryCheck);
      await Promise.all(loops.map((loop) => loop.stop()));
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 5000 });
    },
  };
}
