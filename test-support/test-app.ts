import { desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";
import type { Clock } from "../src/kernel/clock.js";
import type { DatabaseKind } from "../src/platform/db/database.js";
import type { MailTransport } from "../src/platform/mail/mailer.js";
import { mailMessages } from "../src/platform/mail/schema.js";
import { type Runtime, startRuntime } from "../src/runtime.js";
import { createTestDatabase, joinTestDatabase } from "./test-db.js";

export const TEST_APP_URL = "http://pulse.test";

const quietLog = { info: () => {}, error: () => {} };

export type TestApp = {
  app: FastifyInstance;
  runtime: Runtime;
  ctx: Runtime["ctx"];
  /** The PostgreSQL database's URL (undefined on PGlite): pass it as `joinDatabase` to start a second app on it. */
  databaseUrl?: string;
  /** The newest mail to an address (stored in the same transaction as the change that sent it). */
  lastMailTo: (to: string) => Promise<{ subject: string; text: string; status: string } | undefined>;
  close: () => Promise<void>;
};

export type TestAppOptions = {
  engine?: DatabaseKind;
  clock?: Clock;
  transport?: MailTransport;
  loginPerIpPerMinute?: number;
  bodyLimitBytes?: number;
  maxFailuresPerEmail?: number;
  sessionTtlHours?: number;
  /** Default: 30 days, or the idle timeout when longer (tests that live through a year keep their session). */
  sessionMaxAgeDays?: number;
  appUrl?: string;
  issuerUrl?: string;
  /** AUTH_CACHE_SECONDS (default 5, as in production). */
  authCacheSeconds?: number;
  /** Another test app's PostgreSQL database: this app works on it too (like a second process) and leaves it in place. */
  joinDatabase?: string;
};

/** The real app on a fresh real database; requests go through app.inject. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = options.joinDatabase
    ? await joinTestDatabase(options.joinDatabase)
    : await createTestDatabase(options.engine ?? "pglite");
  const runtime = await startRuntime({
    database: testDb.database,
    log: quietLog,
    clock: options.clock,
    transport: options.transport ?? null,
    config: {
      appUrl: options.appUrl ?? TEST_APP_URL,
      issuerUrl: options.issuerUrl,
      mailFrom: "Pulse <no-reply@pulse.test>",
      dataDir: "memory://",
      sessionTtlHours: options.sessionTtlHours ?? 24,
      sessionMaxAgeDays: options.sessionMaxAgeDays ?? Math.max(30, (options.sessionTtlHours ?? 24) / 24),
      loginMaxFailuresPerEmail: options.maxFailuresPerEmail ?? 5,
      loginFailureWindowMinutes: 15,
      authCacheSeconds: options.authCacheSeconds,
    },
  });
  const app = await buildApp({
    ctx: runtime.ctx,
    logLevel: "silent",
    loginPerIpPerMinute: options.loginPerIpPerMinute ?? 10_000,
    bodyLimitBytes: options.bodyLimitBytes,
    webDist: "/nonexistent",
  });
  await app.ready();
  return {
    app,
    runtime,
    ctx: runtime.ctx,
    databaseUrl: testDb.url,
    lastMailTo: async (to) => {
      const [row] = await runtime.database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.toAddress, to))
        .orderBy(desc(mailMessages.createdAt))
        .limit(1);
      return row ? { subject: row.subject, text: row.textBody, status: row.status } : undefined;
    },
    close: async () => {
      await app.close();
      await runtime.close();
      await testDb.drop();
    },
  };
}

/** The first link in a mail, as its path and query (the app URL is fake in tests). */
export function linkIn(text: string): { path: string; token: string } {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`No link in mail:\n${text}`);
  const url = new URL(match[0]);
  const token = url.searchParams.get("token") ?? decodeURIComponent(url.pathname.split("/").pop() ?? "");
  return { path: url.pathname, token };
}

/** The session cookie from a login response, ready for a `cookie` header. */
export function sessionCookie(response: { cookies: { name: string; value: string }[] }): string {
  const c = response.cookies.find((x) => x.name === "pulse_session");
  if (!c) throw new Error("no session cookie in response");
  return `pulse_session=${c.value}`;
}
