import type { Clock } from "../kernel/clock.js";
import type { Database } from "./db/database.js";
import type { Jobs } from "./jobs/jobs.js";
import type { MailQueue } from "./mail/mailer.js";

/** What every service receives: passed explicitly, never read from globals. */
export type AppContext = {
  database: Database;
  clock: Clock;
  jobs: Jobs;
  mail: MailQueue;
  appUrl: string;
  sessionTtlHours: number;
  login: { maxFailuresPerEmail: number; failureWindowMinutes: number };
};
