import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { ensurePlatformAdmin, openSession } from "../../accounts/identity/service.js";
import { statements } from "../learning/schema.js";
import { sweepExpiredAttemptsEvent } from "./events.js";
import { attemptDeadlineJob } from "./jobs.js";
import { attempts } from "./schema.js";
import { buildAssessmentCatalog, correctAnswers, grantPlan, wrongAnswers } from "./testing/catalog-fixture.js";

const HOUR = 3_600_000;

describe.each(TEST_ENGINES)("assessments (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T09:00:00Z"));
  let t: TestApp;
  let catalog: Awaited<ReturnType<typeof buildAssessmentCatalog>>;

  const call = (method: "GET" | "POST" | "PUT", url: string, cookie: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie, origin: "http://pulse.test" }, payload: payload as never });

  async function learner() {
    const user = await buildUser(t.ctx);
    await grantPlan(t.ctx.database.db, user.userId, "scholar", new Date(clock.now().getTime() - HOUR));
    return user;
  }

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    catalog = await buildAssessmentCatalog(t.ctx.database.db);
  });
  afterAll(async () => t?.close());

  it("module test: 15 questions without correct answers, autosave, submit, review; the next attempt draws the other 15", async () => {
    const me = await learner();
    const start = await call("POST", `/api/academy/assessments/${catalog.moduleTest.id}/attempts`, me.cookie);
    expect(start.statusCode).toBe(201);
    const attempt = start.json();
    expect(attempt.questions).toHaveLength(15);
    expect(attempt.deadlineAt).toBeNull();
    expect(attempt.result).toBeNull();
    // Correct keys and explanations never reach the browser before submission.
    expect(start.body).not.toMatch(/"correct"|explanation|Because of/);
    const ids: string[] = attempt.questions.map((q: { id: string }) => q.id);
    const right = await correctAnswers(t.ctx.database.db, ids);
    expect(attempt.questions.map((q: { multiple: boolean; id: string }) => q.multiple)).toEqual(
      ids.map((id) => (right[id]?.length ?? 0) > 1),
    );

    // Autosave 10 right answers, then reload: they are there, still without the key.
    const firstTen = Object.fromEntries(ids.slice(0, 10).map((id) => [id, right[id] as string[]]));
    const saved = await call("PUT", `/api/academy/attempts/${attempt.id}/answers`, me.cookie, { answers: firstTen });
    expect(saved.statusCode).toBe(200);
    const reloaded = await call("GET", `/api/academy/attempts/${attempt.id}`, me.cookie);
    expect(reloaded.json().answers).toEqual(firstTen);
    expect(reloaded.body).not.toMatch(/"correct"|explanation/);
    // Starting again resumes the same attempt.
    const again = await call("POST", `/api/academy/assessments/${catalog.moduleTest.id}/attempts`, me.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(attempt.id);

    // Submit with the rest wrong: 10/15 = 66% < 70%.
    const wrong = await wrongAnswers(t.ctx.database.db, ids.slice(10));
    const submitted = await call("POST", `/api/academy/attempts/${attempt.id}/submit`, me.cookie, { answers: wrong });
    expect(submitted.statusCode).toBe(200);
    const result = submitted.json().result;
    expect(result).toMatchObject({
      correctCount: 10,
      total: 15,
      scorePercent: 66,
      passed: false,
      submittedBy: "learner",
    });
    expect(result.review).toHaveLength(15);
    expect(result.review[0]).toMatchObject({
      correct: right[ids[0] as string],
      explanation: expect.stringContaining("Because"),
    });
    expect(result.review.filter((r: { answeredCorrectly: boolean }) => r.answeredCorrectly)).toHaveLength(10);

    // Closed: no more answers, no second submit.
    const late = await call("PUT", `/api/academy/attempts/${attempt.id}/answers`, me.cookie, { answers: firstTen });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("attempt_closed");

    // Module tests have no retake wait: the second attempt draws the 15 questions not yet seen.
    const second = (await call("POST", `/api/academy/assessments/${catalog.moduleTest.id}/attempts`, me.cookie)).json();
    expect(second.number).toBe(2);
    const secondIds: string[] = second.questions.map((q: { id: string }) => q.id);
    expect(secondIds.filter((id) => ids.includes(id))).toEqual([]);
    const pass = await call("POST", `/api/academy/attempts/${second.id}/submit`, me.cookie, {
      answers: await correctAnswers(t.ctx.database.db, secondIds),
    });
    expect(pass.json().result).toMatchObject({ scorePercent: 100, passed: true });

    const status = (await call("GET", `/api/academy/assessments/${catalog.moduleTest.id}`, me.cookie)).json();
    expect(status).toMatchObject({ passed: true, bestScorePercent: 100, canStart: true, nextAttemptOpensAt: null });
    expect(status.attempts).toHaveLength(2);

    // The learning record: attempted, failed, attempted, passed (object_type assessment).
    const rows = await t.ctx.database.db.select().from(statements).where(eq(statements.actorId, me.userId));
    const onTest = rows.filter((r) => r.objectType === "assessment");
    expect(onTest.map((r) => r.verb).sort()).toEqual(["attempted", "attempted", "failed", "passed"]);
    const passed = rows.find((r) => r.verb === "passed");
    expect(passed).toMatchObject({ objectType: "assessment", objectId: catalog.moduleTest.id });
    expect(passed?.result).toMatchObject({ success: true, score: { raw: 15, max: 15 } });
  });

  it("refuses answers that are not the attempt's questions or choices, with field reasons", async () => {
    const me = await learner();
    const attempt = (await call("POST", `/api/academy/assessments/${catalog.finalExam.id}/attempts`, me.cookie)).json();
    const [q] = attempt.questions;
    const res = await call("PUT", `/api/academy/attempts/${attempt.id}/answers`, me.cookie, {
      answers: { [q.id]: ["z"], "00000000-0000-4000-8000-000000000000": ["a"] },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual([
      "answers.00000000-0000-4000-8000-000000000000",
      `answers.${q.id}`,
    ]);
  });

  it("a learner never sees or changes another's attempt; no plan, no start", async () => {
    const owner = await learner();
    const other = await learner();
    const attempt = (
      await call("POST", `/api/academy/assessments/${catalog.moduleTest.id}/attempts`, owner.cookie)
    ).json();
    for (const [method, url, body] of [
      ["GET", `/api/academy/attempts/${attempt.id}`, undefined],
      ["PUT", `/api/academy/attempts/${attempt.id}/answers`, { answers: {} }],
      ["POST", `/api/academy/attempts/${attempt.id}/submit`, {}],
    ] as const) {
      const res = await call(method, url, other.cookie, body);
      expect(res.statusCode).toBe(404);
    }
    const stranger = await buildUser(t.ctx);
    const refused = await call("POST", `/api/academy/assessments/${catalog.moduleTest.id}/attempts`, stranger.cookie);
    expect(refused.statusCode).toBe(403);
  });

  it("timed exam: the server's deadline, the same remaining time on reload, answers after it refused, the job grades it", async () => {
    const me = await learner();
    const start = await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie);
    expect(start.statusCode).toBe(201);
    const attempt = start.json();
    expect(attempt.questions).toHaveLength(10);
    expect(attempt.remainingSeconds).toBe(3600);
    expect(new Date(attempt.deadlineAt).getTime() - clock.now().getTime()).toBe(60 * 60_000);
    expect(start.body).not.toMatch(/"correct"|explanation/);
    // Blueprint: 4 + 4 from the pool's questions tagged by module, 2 from its untagged scenario questions.
    const scenarios = attempt.questions.filter((q: { scenario: boolean }) => q.scenario);
    expect(scenarios).toHaveLength(2);

    const ids: string[] = attempt.questions.map((q: { id: string }) => q.id);
    const right = await correctAnswers(t.ctx.database.db, ids);
    const firstNine = Object.fromEntries(ids.slice(0, 9).map((id) => [id, right[id] as string[]]));
    clock.advance(25 * 60_000);
    expect(
      (await call("PUT", `/api/academy/attempts/${attempt.id}/answers`, me.cookie, { answers: firstNine })).statusCode,
    ).toBe(200);
    expect((await call("GET", `/api/academy/attempts/${attempt.id}`, me.cookie)).json().remainingSeconds).toBe(35 * 60);

    clock.advance(35 * 60_000 + 1000);
    const late = await call("PUT", `/api/academy/attempts/${attempt.id}/answers`, me.cookie, {
      answers: { [ids[9] as string]: right[ids[9] as string] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("attempt_closed");
    const lateSubmit = await call("POST", `/api/academy/attempts/${attempt.id}/submit`, me.cookie, {});
    expect(lateSubmit.json().error.code).toBe("attempt_closed");

    // No browser: the sweep job grades what was saved before the deadline (9/10 = 90%).
    await t.ctx.jobs.send(sweepExpiredAttemptsEvent, {});
    await t.ctx.jobs.drain();
    const [row] = await t.ctx.database.db.select().from(attempts).where(eq(attempts.id, attempt.id));
    expect(row).toMatchObject({ submittedBy: "deadline", correctCount: 9, scorePercent: 90, passed: true });
    expect(row?.submittedAt?.toISOString()).toBe(attempt.deadlineAt);
    const view = (await call("GET", `/api/academy/attempts/${attempt.id}`, me.cookie)).json();
    expect(view.result).toMatchObject({ submittedBy: "deadline", passed: true });
    // A passed exam does not start again.
    const again = await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie);
    expect(again.statusCode).toBe(409);
  });

  it("the attempt's own deadline job grades it; before the deadline it leaves it running", async () => {
    const me = await learner();
    const attempt = (await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie)).json();
    const job = attemptDeadlineJob(() => t.ctx);
    await job.handler({ attemptId: attempt.id }, { jobId: "test", attempt: 0 });
    const [open] = await t.ctx.database.db.select().from(attempts).where(eq(attempts.id, attempt.id));
    expect(open?.submittedAt).toBeNull();
    clock.advance(61 * 60_000);
    await job.handler({ attemptId: attempt.id }, { jobId: "test", attempt: 0 });
    const [done] = await t.ctx.database.db.select().from(attempts).where(eq(attempts.id, attempt.id));
    expect(done).toMatchObject({ submittedBy: "deadline", correctCount: 0, passed: false });
    // Running it twice changes nothing and records one statement.
    await job.handler({ attemptId: attempt.id }, { jobId: "test", attempt: 1 });
    const failed = await t.ctx.database.db.select().from(statements).where(eq(statements.actorId, me.userId));
    expect(failed.filter((s) => s.verb === "failed")).toHaveLength(1);
  });

  it("the status page counts an attempt whose time ran out as failed even before its job runs", async () => {
    const me = await learner();
    const attempt = (await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie)).json();
    expect((await call("GET", `/api/academy/assessments/${catalog.examA.id}`, me.cookie)).json()).toMatchObject({
      openAttempt: { id: attempt.id },
      blockedBy: "open_attempt",
    });
    clock.advance(60 * 60_000);
    const status = (await call("GET", `/api/academy/assessments/${catalog.examA.id}`, me.cookie)).json();
    expect(status).toMatchObject({ openAttempt: null, blockedBy: "retake_wait", failedAttempts: 1 });
    expect(status.attempts[0]).toMatchObject({
      submittedBy: "deadline",
      passed: false,
      submittedAt: attempt.deadlineAt,
    });
    expect(status.nextAttemptOpensAt).toBe(new Date(new Date(attempt.deadlineAt).getTime() + 48 * HOUR).toISOString());
  });

  it("CCSMP retake waits: 48 h, 48 h, then 14 days, enforced on start with opensAt; .ics of the reopening", async () => {
    const me = await learner();
    const failOnce = async () => {
      const res = await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie);
      expect(res.statusCode).toBe(201);
      const a = res.json();
      const ids = a.questions.map((q: { id: string }) => q.id);
      const sub = await call("POST", `/api/academy/attempts/${a.id}/submit`, me.cookie, {
        answers: await wrongAnswers(t.ctx.database.db, ids),
      });
      expect(sub.json().result.passed).toBe(false);
      return { at: clock.now().getTime(), ids: ids as string[] };
    };
    const seenSets: string[][] = [];
    for (const [failure, waitHours] of [
      [1, 48],
      [2, 48],
      [3, 336],
    ] as const) {
      const { at, ids } = await failOnce();
      seenSets.push(ids);
      const status = (await call("GET", `/api/academy/assessments/${catalog.examA.id}`, me.cookie)).json();
      const opensAt = new Date(at + waitHours * HOUR).toISOString();
      expect(status).toMatchObject({
        canStart: false,
        blockedBy: "retake_wait",
        failedAttempts: failure,
        nextAttemptOpensAt: opensAt,
      });
      const refused = await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: "retake_locked", fields: { opensAt } });
      const ics = await call("GET", `/api/academy/assessments/${catalog.examA.id}/retake.ics`, me.cookie);
      expect(ics.headers["content-type"]).toContain("text/calendar");
      expect(ics.body).toContain(`DTSTART:${opensAt.replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
      clock.advance(waitHours * HOUR - 1000);
      expect((await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie)).statusCode).toBe(
        409,
      );
      clock.advance(1000);
    }
    // Each retake drew exam-pool questions not seen before (20 per module, 4 per attempt).
    const bankIds = (set: string[], all: string[][]) => set.filter((id) => all.flat().includes(id));
    expect(bankIds(seenSets[1] ?? [], [seenSets[0] ?? []]).length).toBeLessThanOrEqual(2);
    const fourth = await call("POST", `/api/academy/assessments/${catalog.examA.id}/attempts`, me.cookie);
    expect(fourth.statusCode).toBe(201);
    expect((await call("GET", `/api/academy/assessments/${catalog.examA.id}/retake.ics`, me.cookie)).statusCode).toBe(
      409,
    );
  });

  it("two tabs starting at once get one attempt; a double submit grades once", async () => {
    const me = await learner();
    const url = `/api/academy/assessments/${catalog.finalExam.id}/attempts`;
    const [a, b] = await Promise.all([call("POST", url, me.cookie), call("POST", url, me.cookie)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const id = a.json().id;
    const [s1, s2] = await Promise.all([
      call("POST", `/api/academy/attempts/${id}/submit`, me.cookie, {}),
      call("POST", `/api/academy/attempts/${id}/submit`, me.cookie, {}),
    ]);
    expect([s1.statusCode, s2.statusCode].sort()).toEqual([200, 409]);
    const graded = await t.ctx.database.db.select().from(statements).where(eq(statements.actorId, me.userId));
    expect(graded.filter((r) => r.verb === "failed")).toHaveLength(1);
    clock.advance(1000);
  });

  it("untimed exam without a retake policy: no deadline, unlimited attempts", async () => {
    const me = await learner();
    for (let n = 1; n <= 3; n++) {
      const a = (await call("POST", `/api/academy/assessments/${catalog.finalExam.id}/attempts`, me.cookie)).json();
      expect(a).toMatchObject({ number: n, deadlineAt: null, remainingSeconds: null });
      await call("POST", `/api/academy/attempts/${a.id}/submit`, me.cookie, {});
      clock.advance(1000);
    }
  });

  it("platform admins see pools too small for the blueprint times the attempts a candidate may need", async () => {
    const { userId } = await ensurePlatformAdmin(t.ctx, {
      email: `staff-${Date.now()}@example.test`,
      password: "staff password 1",
    });
    const session = await openSession(t.ctx, userId, { ip: null, userAgent: "vitest" });
    const cookie = `pulse_session=${session.token}`;
    const report = (
      await call("GET", "/api/admin/academy/assessment-pools?examAttempts=3&testAttempts=3", cookie)
    ).json();
    const examA = report.assessments.find((a: { id: string }) => a.id === catalog.examA.id);
    // Untagged pool of 6 for 2 per attempt: 3 fresh attempts; 20 per module for 4: 5. No warning at 3 ...
    expect(examA).toMatchObject({ freshAttempts: 3, warning: null });
    const test = report.assessments.find((a: { id: string }) => a.id === catalog.moduleTest.id);
    // ... but a module test of 15 from 30 serves 2 fresh attempts, fewer than 3.
    expect(test).toMatchObject({ freshAttempts: 2, warning: "repeats" });
    expect(test.message).toContain("30 questions for 15 per attempt; 3 attempts need 45");
    // With the seed's two attempts for module tests, a bank of 30 is enough; warnings are listed first.
    const byDefault = (await call("GET", "/api/admin/academy/assessment-pools", cookie)).json();
    expect(byDefault).toMatchObject({ examAttempts: 5, testAttempts: 2 });
    expect(byDefault.assessments.find((a: { id: string }) => a.id === catalog.moduleTest.id)).toMatchObject({
      warning: null,
      attemptsPlanned: 2,
    });
    const flags = report.assessments.map((a: { warning: string | null }) => a.warning !== null);
    expect(flags).toEqual([...flags].sort((x: boolean, y: boolean) => Number(y) - Number(x)));
    const learnerCookie = (await learner()).cookie;
    expect((await call("GET", "/api/admin/academy/assessment-pools", learnerCookie)).statusCode).toBe(403);
  });
});
