import { z } from "zod";
import { passwordProblem } from "./features/accounts/identity/service.js";
import { type BillingSettings, billingModeProblem } from "./features/billing/service.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Defaults that hold where a runtime is started without a full Config (tests, benches). */
export const CONFIG_DEFAULTS = { sessionMaxAgeDays: 30, authCacheSeconds: 5, databasePoolSize: 10 };

/** Every environment variable Pulse reads; the README lists them. This is the only reader of process.env. */
const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where people reach Pulse: every mailed link, QR code and evidence URL. Default http://localhost:$PORT. */
  APP_URL: z.url().optional(),
  /** The credential issuer id's base; stays put when the site moves. Default APP_URL. */
  ISSUER_URL: z.url().optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  /** Connections in the PostgreSQL pool (per process). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(CONFIG_DEFAULTS.databasePoolSize),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Pulse <no-reply@pulse.local>"),
  PULSE_ADMIN_EMAIL: z.email().optional(),
  PULSE_ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  PULSE_DEMO: bool.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 14),
  /** Sessions end this long after sign-in, however much they are used. */
  SESSION_MAX_AGE_DAYS: z.coerce.number().positive().optional(),
  /** How long a process reuses a resolved session (0: never); the longest another process may miss a sign-out. */
  AUTH_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(CONFIG_DEFAULTS.authCacheSeconds),
  LOGIN_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(30),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JOBS: bool.default(true),
  /** Academy content folders (comma-separated), imported at start when changed; media and downloads served from them. */
  CONTENT_DIR: z.string().default("./content"),
  /** Billing: both Stripe keys select Stripe; without them billing runs in test mode (no money moves). */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Allows test mode with NODE_ENV=production (a demo server). */
  BILLING_TEST_MODE: bool.default(false),
  /** Days before a renewal the reminder mails go out, comma-separated. */
  BILLING_REMINDER_DAYS: z
    .string()
    .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, "must be whole days, comma-separated (e.g. 30,7)")
    .default("30,7"),
  /** Days of access kept after a failed renewal payment. */
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** The seller printed on invoices and receipts. */
  BILLING_SELLER_NAME: z.string().min(1).default("Pulse Academy"),
  /** The seller's address lines, separated by "|". */
  BILLING_SELLER_ADDRESS: z.string().default(""),
  BILLING_SELLER_TAX_ID: z.string().optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  appUrl: string;
  issuerUrl: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  smtpUrl?: string;
  mailFrom: string;
  admin?: { email: string; password: string };
  demo: boolean;
  sessionTtlHours: number;
  sessionMaxAgeDays: number;
  authCacheSeconds: number;
  loginMaxPerIpPerMinute: number;
  loginMaxFailuresPerEmail: number;
  loginFailureWindowMinutes: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  logLevel: string;
  jobs: boolean;
  contentDirs: string[];
  billing: BillingSettings;
};

export class ConfigError extends Error {}

/** Parses the environment once; throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (Boolean(e.PULSE_ADMIN_EMAIL) !== Boolean(e.PULSE_ADMIN_PASSWORD)) {
    throw new ConfigError("Invalid configuration:\n  PULSE_ADMIN_EMAIL and PULSE_ADMIN_PASSWORD must be set together");
  }
  const weakAdmin = e.PULSE_ADMIN_PASSWORD && passwordProblem(e.PULSE_ADMIN_PASSWORD, { email: e.PULSE_ADMIN_EMAIL });
  if (weakAdmin) throw new ConfigError(`Invalid configuration:\n  PULSE_ADMIN_PASSWORD: ${weakAdmin}`);
  const billingProblem = billingModeProblem({
    nodeEnv: e.NODE_ENV,
    stripeSecretKey: e.STRIPE_SECRET_KEY,
    stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET,
    testModeRequested: e.BILLING_TEST_MODE,
  });
  if (billingProblem) throw new ConfigError(`Invalid configuration:\n  ${billingProblem}`);
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    appUrl,
    issuerUrl: e.ISSUER_URL?.replace(/\/$/, "") ?? appUrl,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    admin:
      e.PULSE_ADMIN_EMAIL && e.PULSE_ADMIN_PASSWORD
        ? { email: e.PULSE_ADMIN_EMAIL.toLowerCase(), password: e.PULSE_ADMIN_PASSWORD }
        : undefined,
    demo: e.PULSE_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionMaxAgeDays: e.SESSION_MAX_AGE_DAYS ?? CONFIG_DEFAULTS.sessionMaxAgeDays,
    authCacheSeconds: e.AUTH_CACHE_SECONDS,
    loginMaxPerIpPerMinute: e.LOGIN_MAX_PER_IP_PER_MINUTE,
    loginMaxFailuresPerEmail: e.LOGIN_MAX_FAILURES_PER_EMAIL,
    loginFailureWindowMinutes: e.LOGIN_FAILURE_WINDOW_MINUTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    jobs: e.JOBS,
    contentDirs: e.CONTENT_DIR.split(",")
      .map((d) => d.trim())
      .filter(Boolean),
    billing: billingSettings(e),
  };
}

function billingSettings(e: z.infer<typeof Env>): BillingSettings {
  return {
    mode: e.STRIPE_SECRET_KEY ? "stripe" : "test",
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET }
        : undefined,
    reminderDays: [...new Set(e.BILLING_REMINDER_DAYS.split(",").map((d) => Number(d.trim())))].filter((d) => d > 0),
    graceDays: e.BILLING_GRACE_DAYS,
    seller: {
      key: "PUL",
      name: e.BILLING_SELLER_NAME,
      addressLines: e.BILLING_SELLER_ADDRESS.split("|")
        .map((l) => l.trim())
        .filter(Boolean),
      taxId: e.BILLING_SELLER_TAX_ID,
    },
  };
}
