import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { assessments, levels, questions } from "../catalog/schema.js";
import { importContent } from "../catalog/service.js";
import { statements } from "../learning/schema.js";
import { correctAnswers, grantPlan } from "./testing/catalog-fixture.js";

const FIXTURES = new URL("../catalog/fixtures", import.meta.url).pathname;

describe.each(TEST_ENGINES)("assessments on imported content (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T09:00:00Z"));
  let t: TestApp;
  const call = (method: "GET" | "POST", url: string, cookie: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie, origin: "http://pulse.test" }, payload: payload as never });
  const byKey = async (key: string) =>
    (await t.ctx.database.db.select().from(assessments).where(eq(assessments.key, key)))[0]?.id as string;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 30 });
    await importContent(t.ctx, FIXTURES);
  });
  afterAll(async () => t?.close());

  it("an exam with its own pool draws only from it; a Basic learner cannot start a Scholar-level exam", async () => {
    const examB = await byKey("mini.exam-b");
    const basic = await buildUser(t.ctx);
    await grantPlan(t.ctx.database.db, basic.userId, "basic", new Date("2026-01-01T00:00:00Z"));
    const refused = await call("POST", `/api/academy/assessments/${examB}/attempts`, basic.cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("Scholar");
    const status = (await call("GET", `/api/academy/assessments/${examB}`, basic.cookie)).json();
    expect(status).toMatchObject({ canStart: false, blockedBy: "plan" });

    const scholar = await buildUser(t.ctx);
    await grantPlan(t.ctx.database.db, scholar.userId, "scholar", new Date("2026-01-01T00:00:00Z"));
    const attempt = (await call("POST", `/api/academy/assessments/${examB}/attempts`, scholar.cookie)).json();
    expect(attempt).toMatchObject({ remainingSeconds: 300 });
    const pool = await t.ctx.database.db
      .select({ id: questions.id })
      .from(questions)
      .where(and(eq(questions.assessmentId, examB), isNotNull(questions.assessmentId)));
    const poolIds = new Set(pool.map((q) => q.id));
    expect(attempt.questions).toHaveLength(2);
    for (const q of attempt.questions) expect(poolIds.has(q.id)).toBe(true);
    const ids = attempt.questions.map((q: { id: string }) => q.id);
    const done = await call("POST", `/api/academy/attempts/${attempt.id}/submit`, scholar.cookie, {
      answers: await correctAnswers(t.ctx.database.db, ids),
    });
    expect(done.json().result).toMatchObject({ passed: true, scorePercent: 100 });

    // Passing the level's other exam too completes the exam level (the learning area's rule), once.
    const levelOf = async () =>
      (
        await t.ctx.database.db
          .select()
          .from(statements)
          .where(
            and(
              eq(statements.actorId, scholar.userId),
              eq(statements.verb, "completed"),
              eq(statements.objectType, "level"),
            ),
          )
      ).map((r) => r.objectId);
    expect(await levelOf()).toEqual([]);
    const examA = await byKey("mini.exam-a");
    const a = (await call("POST", `/api/academy/assessments/${examA}/attempts`, scholar.cookie)).json();
    const passA = await call("POST", `/api/academy/attempts/${a.id}/submit`, scholar.cookie, {
      answers: await correctAnswers(
        t.ctx.database.db,
        a.questions.map((q: { id: string }) => q.id),
      ),
    });
    expect(passA.json().result.passed).toBe(true);
    const [level] = await t.ctx.database.db.select().from(levels).where(eq(levels.key, "mini.l2"));
    expect(await levelOf()).toEqual([level?.id]);
  });

  it("a module test of the fixture draws from its module's bank", async () => {
    const list = (
      await call("GET", "/api/academy/assessments?kind=module_test", (await buildUser(t.ctx)).cookie)
    ).json();
    const test = list.assessments.find((a: { key: string }) => a.key.startsWith("mini."));
    expect(test).toBeTruthy();
    const learner = await buildUser(t.ctx);
    await grantPlan(t.ctx.database.db, learner.userId, "basic", new Date("2026-01-01T00:00:00Z"));
    const attempt = await call("POST", `/api/academy/assessments/${test.id}/attempts`, learner.cookie);
    expect(attempt.statusCode).toBe(201);
    const bank = await t.ctx.database.db
      .select({ id: questions.id })
      .from(questions)
      .where(eq(questions.moduleId, test.moduleId));
    const bankIds = new Set(bank.map((q) => q.id));
    expect(attempt.json().questions.every((q: { id: string }) => bankIds.has(q.id))).toBe(true);
    expect(attempt.json().questions).toHaveLength(test.questionCount);
  });
});
