import { describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { TEST_APP_URL } from "../../../../test-support/test-app.js";
import { createTestDatabase, TEST_ENGINES } from "../../../../test-support/test-db.js";
import { buildApp } from "../../../app.js";
import { fixedClock } from "../../../kernel/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { startRuntime } from "../../../runtime.js";
import { openSession } from "../../accounts/identity/service.js";
import { buildAssessmentCatalog, grantPlan } from "./testing/catalog-fixture.js";

const quietLog = { info: () => {}, error: () => {} };

/** One server process: a runtime (jobs, clock) and the HTTP app, over a database that outlives it. */
async function startServer(database: Database, clock: ReturnType<typeof fixedClock>) {
  const runtime = await startRuntime({
    database,
    log: quietLog,
    clock,
    transport: null,
    config: {
      appUrl: TEST_APP_URL,
      mailFrom: "Pulse <no-reply@pulse.test>",
      dataDir: "memory://",
      sessionTtlHours: 24,
      loginMaxFailuresPerEmail: 5,
      loginFailureWindowMinutes: 15,
    },
  });
  const app = await buildApp({ ctx: runtime.ctx, logLevel: "silent", webDist: "/nonexistent" });
  await app.ready();
  return {
    ctx: runtime.ctx,
    call: (method: "GET" | "POST", url: string, cookie: string) =>
      app.inject({ method, url, headers: { cookie, origin: TEST_APP_URL } }),
    stop: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

describe.each(TEST_ENGINES)("a timed attempt across a server restart (%s)", (engine) => {
  it("resumes after the restart, in another browser, with the same remaining time", async () => {
    const testDb = await createTestDatabase(engine);
    const clock = fixedClock(new Date("2026-11-23T09:00:00Z"));
    try {
      const first = await startServer(testDb.database, clock);
      const catalog = await buildAssessmentCatalog(first.ctx.database.db);
      const me = await buildUser(first.ctx);
      await grantPlan(first.ctx.database.db, me.userId, "scholar", new Date("2026-01-01T00:00:00Z"));
      const started = (
        await first.call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie)
      ).json();
      expect(started.remainingSeconds).toBe(3600);
      clock.advance(20 * 60_000);
      await first.stop();

      // The server is down for five minutes; the exam's clock keeps running.
      clock.advance(5 * 60_000);
      const second = await startServer(testDb.database, clock);
      const otherBrowser = await openSession(second.ctx, me.userId, { ip: null, userAgent: "another browser" });
      const cookie = `pulse_session=${otherBrowser.token}`;
      const status = (await second.call("GET", `/api/academy/assessments/${catalog.examA.id}`, cookie)).json();
      expect(status.openAttempt).toEqual({ id: started.id, deadlineAt: started.deadlineAt });
      const resumed = await second.call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, cookie);
      expect(resumed.statusCode).toBe(200);
      expect(resumed.json()).toMatchObject({
        id: started.id,
        deadlineAt: started.deadlineAt,
        remainingSeconds: 35 * 60,
      });
      expect(resumed.json().questions.map((q: { id: string }) => q.id)).toEqual(
        started.questions.map((q: { id: string }) => q.id),
      );
      await second.stop();
    } finally {
      await testDb.drop();
    }
  });
});
