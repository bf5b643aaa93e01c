import { CONFIG_DEFAULTS, type Config } from "./config.js";
import { EVENTS, featureJobs, scheduleFeatureJobs } from "./job-registry.js";
import { type Clock, systemClock } from "./kernel/clock.js";
import type { AppContext } from "./platform/context.js";
import { type Database, openDatabase } from "./platform/db/database.js";
import { migrateDatabase } from "./platform/db/migrate.js";
import { refreshStatisticsEvent, refreshStatisticsJob, STATISTICS_CRON } from "./platform/db/statistics.js";
import { ActorCache } from "./platform/http/actor-cache.js";
import { type JobLogger, startJobs } from "./platform/jobs/jobs.js";
import { createMailQueue, createMailTransport, deliverMailJob, type MailTransport } from "./platform/mail/mailer.js";

export type Runtime = { ctx: AppContext; database: Database; close: () => Promise<void> };

export type RuntimeOptions = {
  config: Pick<
    Config,
    | "databaseUrl"
    | "dataDir"
    | "smtpUrl"
    | "mailFrom"
    | "appUrl"
    | "sessionTtlHours"
    | "loginMaxFailuresPerEmail"
    | "loginFailureWindowMinutes"
  > &
    Partial<Pick<Config, "issuerUrl" | "sessionMaxAgeDays" | "authCacheSeconds" | "databasePoolSize">>;
  log: JobLogger;
  clock?: Clock;
  /** Overrides the SMTP transport (tests). */
  transport?: MailTransport;
  database?: Database;
};

/** Opens the database, applies migrations and starts the job queue: everything but HTTP. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, log } = options;
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize ?? CONFIG_DEFAULTS.databasePoolSize,
    }));
  await migrateDatabase(database);
  const transport = options.transport !== undefined ? options.transport : createMailTransport(config.smtpUrl);
  const mailJob = deliverMailJob({ db: database.db, transport, from: config.mailFrom, log });
  let ready: AppContext | undefined;
  const getCtx = () => {
    if (!ready) throw new Error("A job ran before the runtime was ready");
    return ready;
  };
  const platformJobs = [mailJob as never, refreshStatisticsJob(database) as never];
  const jobs = await startJobs(database, [...platformJobs, ...featureJobs(getCtx)], log, { events: EVENTS });
  const ctx: AppContext = {
    database,
    clock: options.clock ?? systemClock,
    jobs,
    mail: createMailQueue(jobs, mailJob),
    appUrl: config.appUrl,
    issuerUrl: config.issuerUrl ?? config.appUrl,
    sessionTtlHours: config.sessionTtlHours,
    sessionMaxAgeDays: config.sessionMaxAgeDays ?? CONFIG_DEFAULTS.sessionMaxAgeDays,
    actorCache: new ActorCache({ ttlMs: (config.authCacheSeconds ?? CONFIG_DEFAULTS.authCacheSeconds) * 1000 }),
    login: {
      maxFailuresPerEmail: config.loginMaxFailuresPerEmail,
      failureWindowMinutes: config.loginFailureWindowMinutes,
    },
  };
  ready = ctx;
  await scheduleFeatureJobs(ctx);
  if (database.kind === "pglite") await jobs.schedule(refreshStatisticsEvent, STATISTICS_CRON, {});
  return {
    ctx,
    database,
    close: async () => {
      await jobs.stop();
      if (!options.database) await database.close();
    },
  };
}
