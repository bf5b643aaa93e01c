import type { Clock } from "../kernel/clock.js";
import type { Database } from "./db/database.js";
import type { ActorCache } from "./http/actor-cache.js";
import type { Jobs } from "./jobs/jobs.js";
import type { MailQueue } from "./mail/mailer.js";

/** What every service receives: passed explicitly, never read from globals. */
export type AppContext = {
  database: Database;
  clock: Clock;
  jobs: Jobs;
  mail: MailQueue;
  appUrl: string;
  /** The base of the credential issuer id (ISSUER_URL): stays put when the site moves. */
  issuerUrl: string;
  /** Idle timeout: a session unused this long ends. */
  sessionTtlHours: number;
  /** Absolute lifetime: a session ends this long after sign-in, however much it is used. */
  sessionMaxAgeDays: number;
  /** Resolved sessions of this process (AUTH_CACHE_SECONDS); account changes forget what they affect. */
  actorCache: ActorCache;
  login: { maxFailuresPerEmail: number; failureWindowMinutes: number };
};
