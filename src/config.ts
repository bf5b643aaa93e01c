import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every environment variable Pulse reads; the README lists them. This is the only reader of process.env. */
const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  APP_URL: z.url().default("http://localhost:3000"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
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
});

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  appUrl: string;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  admin?: { email: string; password: string };
  demo: boolean;
  sessionTtlHours: number;
  loginMaxPerIpPerMinute: number;
  loginMaxFailuresPerEmail: number;
  loginFailureWindowMinutes: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  logLevel: string;
  jobs: boolean;
  contentDirs: string[];
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
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    appUrl: e.APP_URL.replace(/\/$/, ""),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    admin:
      e.PULSE_ADMIN_EMAIL && e.PULSE_ADMIN_PASSWORD
        ? { email: e.PULSE_ADMIN_EMAIL.toLowerCase(), password: e.PULSE_ADMIN_PASSWORD }
        : undefined,
    demo: e.PULSE_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
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
  };
}
