import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { editQuestion, setQuestionArchived } from "../catalog/admin-edit.js";
import { questions } from "../catalog/schema.js";
import { buildAssessmentCatalog, grantPlan } from "./testing/catalog-fixture.js";

const HOUR = 3_600_000;
type View = { id: string; questions: { id: string; prompt: string }[] };

/**
 * Starting an attempt is a handful of statements: the drawn pool and its questions are read once per exam
 * version (the program row's version: every import and app edit rewrites it), the view is built from them,
 * and the advisory-lock transaction holds the lock, the candidate's attempts and the inserts only.
 */
describe.each(TEST_ENGINES)("starting an attempt (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T09:00:00Z"));
  let t: TestApp;
  let catalog: Awaited<ReturnType<typeof buildAssessmentCatalog>>;

  const start = async (app: TestApp, assessmentId: string, cookie: string) => {
    const res = await app.app.inject({
      method: "POST",
      url: `/api/academy/assessments/${assessmentId}/attempts`,
      headers: { cookie, origin: "http://pulse.test" },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as View;
  };
  async function learner(app: TestApp = t) {
    const user = await buildUser(app.ctx);
    await grantPlan(app.ctx.database.db, user.userId, "scholar", new Date(clock.now().getTime() - HOUR));
    // The session is resolved (and cached) before any statement is counted.
    await app.app.inject({ method: "GET", url: "/api/me", headers: { cookie: user.cookie } });
    return user;
  }
  async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
    const texts: string[] = [];
    const stop = t.ctx.database.observeQueries((text) => texts.push(text.replace(/\s+/g, " ").trim()));
    try {
      return { result: await fn(), texts };
    } finally {
      stop();
    }
  }

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    catalog = await buildAssessmentCatalog(t.ctx.database.db);
  });
  afterAll(async () => t?.close());

  it("an exam start reads no question once its pool is cached: at most 7 statements plus the deadline job", async () => {
    await start(t, catalog.examA.id, (await learner()).cookie); // fills the cache
    const me = await learner();
    const { result: view, texts } = await statementsOf(() => start(t, catalog.examA.id, me.cookie));
    expect(view.questions).toHaveLength(10);
    expect(texts.filter((s) => /academy_questions/.test(s))).toEqual([]);
    // assessment (+ version, level plans), held plans, begin, lock, the candidate's attempts, attempt +
    // attempted statement, commit; pg-boss sends the deadline job on the transaction's own connection.
    expect(texts.length, texts.join("\n")).toBeLessThanOrEqual(7);
    expect(texts.filter((s) => /pg_advisory_xact_lock/.test(s))).toHaveLength(1);
  });

  it("an app edit of a bank question reaches the next start: the edited prompt shows and archived questions are never drawn", async () => {
    const bank = await t.ctx.database.db.select().from(questions).where(eq(questions.moduleId, catalog.m1.id));
    await start(t, catalog.moduleTest.id, (await learner()).cookie); // the pool is cached now
    const [first, ...rest] = bank;
    if (!first) throw new Error("no bank");
    await editQuestion(t.ctx, first.id, {
      prompt: "Edited in the app?",
      choices: first.choices,
      correct: first.correct,
      explanation: null,
    });
    // Keep exactly the 15 the test draws (the first one among them): a stale pool would draw archived ones.
    const archived = rest.slice(14);
    for (const q of archived) await setQuestionArchived(t.ctx, q.id, true);
    const view = await start(t, catalog.moduleTest.id, (await learner()).cookie);
    const live = new Set([first, ...rest.slice(0, 14)].map((q) => q.id));
    expect(new Set(view.questions.map((q) => q.id))).toEqual(live);
    expect(view.questions.find((q) => q.id === first.id)?.prompt).toBe("Edited in the app?");
  });

  it.runIf(engine === "postgres")(
    "an edit made by another process on the same database reaches this process's next start",
    async () => {
      const other = await buildTestApp({ joinDatabase: t.databaseUrl, clock, sessionTtlHours: 24 * 400 });
      try {
        const bank = await t.ctx.database.db.select().from(questions).where(eq(questions.moduleId, catalog.m2.id));
        const [q, ...rest] = bank;
        if (!q) throw new Error("no bank");
        await start(t, catalog.finalExam.id, (await learner()).cookie); // cached here
        // The other process edits one question and archives all but the 5 the final exam draws.
        await editQuestion(other.ctx, q.id, {
          prompt: "Edited elsewhere?",
          choices: q.choices,
          correct: q.correct,
          explanation: null,
        });
        for (const archived of rest.slice(4)) await setQuestionArchived(other.ctx, archived.id, true);
        const view = await start(t, catalog.finalExam.id, (await learner()).cookie);
        expect(new Set(view.questions.map((x) => x.id))).toEqual(new Set([q, ...rest.slice(0, 4)].map((x) => x.id)));
        const prompt = view.questions.find((x) => x.id === q.id)?.prompt;
        expect(prompt).toBe("Edited elsewhere?");
      } finally {
        await other.close();
      }
    },
  );
});
