import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { attempts } from "../assessments/schema.js";
import { grantPlan } from "../assessments/testing/catalog-fixture.js";
import { assessments, items, lessons, levels, modules, questions } from "../catalog/schema.js";
import { importContent } from "../catalog/service.js";
import type { LessonView, ProgressView, StatementsResponse } from "./contract.js";
import { progress, statements } from "./schema.js";
import { refreshCompletionAfterAssessment } from "./service.js";

const FIXTURES = new URL("../catalog/fixtures", import.meta.url).pathname;

describe.each(TEST_ENGINES)("learning on %s", (engine) => {
  const clock = fixedClock(new Date("2026-03-02T09:00:00Z"));
  let t: TestApp;
  type Key =
    | "lesson1"
    | "lesson2"
    | "video"
    | "check"
    | "q1"
    | "q2"
    | "reading"
    | "workbook"
    | "scenario"
    | "module1"
    | "test1"
    | "level1"
    | "level2";
  const id = {} as Record<Key, string>;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    await importContent(t.ctx, FIXTURES);
    const db = t.ctx.database.db;
    const byKey = async (
      table: typeof items | typeof lessons | typeof modules | typeof levels | typeof questions | typeof assessments,
      key: string,
    ) => {
      const [row] = await db.select({ id: table.id }).from(table).where(eq(table.key, key));
      if (!row) throw new Error(`no ${key}`);
      return row.id;
    };
    id.lesson1 = await byKey(lessons, "mini.m1.l1");
    id.lesson2 = await byKey(lessons, "mini.m1.l2");
    id.video = await byKey(items, "mini.m1.l1.video");
    id.check = await byKey(items, "mini.m1.l1.check");
    id.q1 = await byKey(questions, "mini.m1.l1.check.q1");
    id.q2 = await byKey(questions, "mini.m1.l1.check.q2");
    id.reading = await byKey(items, "mini.m1.l2.reading");
    id.workbook = await byKey(items, "mini.m1.l2.workbook");
    id.scenario = await byKey(items, "mini.m1.l2.scenario");
    id.module1 = await byKey(modules, "mini.m1");
    id.test1 = await byKey(assessments, "mini.m1.test");
    id.level1 = await byKey(levels, "mini.l1");
    id.level2 = await byKey(levels, "mini.l2");
  });
  afterAll(async () => {
    await t?.close();
  });

  async function learner(plan: string | null = "basic") {
    const user = await buildUser(t.ctx);
    if (plan) await grantPlan(t.ctx.database.db, user.userId, plan, new Date("2026-01-01"));
    return user;
  }
  const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const post = (cookie: string, body: object) =>
    t.app.inject({
      method: "POST",
      url: "/api/academy/statements",
      headers: { cookie, origin: "http://pulse.test" },
      payload: body,
    });
  const lesson = async (cookie: string, lessonId: string) =>
    (await get(cookie, `/api/academy/lessons/${lessonId}`)).json() as LessonView;
  const events = async (name: string, userId: string) => {
    const r = await t.ctx.database.executeSql(
      "select count(*)::int as n from pgboss.job where name = $1 and data->>'userId' = $2",
      [name, userId],
    );
    return Number(r.rows[0]?.n);
  };

  /** Plays the whole 4-second clip the way the player reports it: a start report, then the segments after 5 s. */
  async function watchVideo(cookie: string) {
    const registration = randomUUID();
    expect(
      (
        await post(cookie, {
          statements: [{ verb: "played", itemId: id.video, registration, segments: [], position: 0 }],
        })
      ).statusCode,
    ).toBe(200);
    clock.advance(5000);
    const res = await post(cookie, {
      statements: [{ verb: "played", itemId: id.video, registration, segments: [[0, 4]], position: 4 }],
    });
    expect(res.statusCode).toBe(200);
    return res.json() as StatementsResponse;
  }

  it("serves a lesson without correct answers, with an empty checklist naming each missing thing", async () => {
    const a = await learner();
    const res = await get(a.cookie, `/api/academy/lessons/${id.lesson1}`);
    expect(res.statusCode).toBe(200);
    const view = res.json() as LessonView;
    expect(view.items.map((i) => i.kind)).toEqual(["video", "knowledge_check"]);
    expect(view.items[0]?.video).toEqual({ src: "/media/clips/short.webm", durationSeconds: 4 });
    const check = view.items[1];
    expect(Object.keys(check?.questions[0] ?? {}).sort()).toEqual(["choices", "correctCount", "id", "prompt"]);
    expect(res.body).not.toContain("A is right");
    expect(view.nextLessonId).toBe(id.lesson2);
    expect(view.checklist.complete).toBe(false);
    expect(view.checklist.missing).toEqual([
      expect.objectContaining({ kind: "video", itemId: id.video, watchedPercent: 0 }),
      expect.objectContaining({ kind: "knowledge_check", itemId: id.check, remaining: 2, total: 2 }),
    ]);
    expect(view.checklist.next).toEqual({ type: "lesson", lessonId: id.lesson1, itemId: id.video });
  });

  it("does not count a forged or scrubbed segment beyond the time that passed", async () => {
    const a = await learner();
    const played = (registration: string, segments: number[][]) => ({
      verb: "played",
      itemId: id.video,
      registration,
      segments,
    });
    const counted = async (body: object) =>
      ((await post(a.cookie, body)).json() as StatementsResponse).results.map(
        (r) => r.verb === "played" && r.countedSeconds,
      );
    // A first report claiming the whole clip: only the slack counts.
    expect(await counted({ statements: [played(randomUUID(), [[0, 4]])] })).toEqual([2]);
    // At once again, from fresh registrations and in one batch: nothing more.
    expect(await counted({ statements: [played(randomUUID(), [[2, 4]]), played(randomUUID(), [[2, 4]])] })).toEqual([
      0, 0,
    ]);
    // One second later: at most 2 s (1 s at the fastest rate) counts.
    clock.advance(1000);
    expect(await counted({ statements: [played(randomUUID(), [[2, 4]])] })).toEqual([2]);
    const view = await lesson(a.cookie, id.lesson1);
    expect(view.progress.find((p) => p.itemId === id.video)?.complete).toBe(true);
    // The claim is kept as evidence, with what counted.
    const stored = await t.ctx.database.db.select().from(statements).where(eq(statements.actorId, a.userId));
    expect(stored[0]?.result).toMatchObject({ extensions: { segments: [[0, 4]], countedSegments: [[0, 2]] } });
    // Waiting long does not bank a whole long video: the bucket is capped.
    const b = await learner();
    await post(b.cookie, { statements: [played(randomUUID(), [])] });
    clock.advance(3600_000);
    const after = (await post(b.cookie, { statements: [played(randomUUID(), [[0, 4]])] })).json() as StatementsResponse;
    expect(after.results[0]).toMatchObject({ countedSeconds: 4 });
  });

  it("grades answers with unlimited tries, completes the lesson and the module once, and sends the event once", async () => {
    const a = await learner();
    const watched = await watchVideo(a.cookie);
    expect(watched.results[0]).toMatchObject({ countedSeconds: 4, watchedPercent: 100 });
    expect(watched.completed).toEqual([]);

    const wrong = (
      await post(a.cookie, { statements: [{ verb: "answered", questionId: id.q1, response: ["b"] }] })
    ).json() as StatementsResponse;
    expect(wrong.results[0]).toEqual({
      verb: "answered",
      questionId: id.q1,
      correct: false,
      explanation: "A is right.",
    });
    let view = await lesson(a.cookie, id.lesson1);
    expect(view.checklist.missing).toEqual([expect.objectContaining({ kind: "knowledge_check", remaining: 2 })]);
    expect(view.progress.find((p) => p.itemId === id.check)?.tries).toEqual({ [id.q1]: 1 });

    const right = (
      await post(a.cookie, {
        statements: [
          { verb: "answered", questionId: id.q1, response: ["a"] },
          { verb: "answered", questionId: id.q2, response: ["a"] },
        ],
      })
    ).json() as StatementsResponse;
    expect(right.results.map((r) => r.verb === "answered" && r.correct)).toEqual([true, true]);
    expect(right.completed).toEqual([{ objectType: "lesson", objectId: id.lesson1 }]);
    // A later wrong answer does not undo a right one.
    await post(a.cookie, { statements: [{ verb: "answered", questionId: id.q1, response: ["c"] }] });
    view = await lesson(a.cookie, id.lesson1);
    expect(view.checklist).toMatchObject({ complete: true, percent: 100, missing: [] });
    expect(view.checklist.completedAt).not.toBeNull();

    // Lesson 1.2 has no video or check: each of its items must be opened.
    const opened = (
      await post(a.cookie, {
        statements: [
          { verb: "opened", itemId: id.reading },
          { verb: "opened", itemId: id.workbook },
          { verb: "completed", itemId: id.scenario, response: "I would listen first." },
        ],
      })
    ).json() as StatementsResponse;
    expect(opened.completed).toEqual([{ objectType: "lesson", objectId: id.lesson2 }]);

    // The module still needs its test.
    let module = (await get(a.cookie, `/api/academy/progress/modules/${id.module1}`)).json() as ProgressView;
    expect(module.checklist.complete).toBe(false);
    expect(module.checklist.missing).toEqual([
      expect.objectContaining({ kind: "module_test", assessmentId: id.test1, bestPercent: null }),
    ]);
    expect(module.checklist.next).toEqual({ type: "assessment", assessmentId: id.test1 });
    expect(module.children.map((c) => c.complete)).toEqual([true, true]);

    // The assessments area records a passed attempt and refreshes completion in its transaction.
    const db = t.ctx.database.db;
    const pass = async () =>
      db.transaction(async (tx) => {
        const n = (await tx.select().from(attempts).where(eq(attempts.userId, a.userId))).length + 1;
        await tx.insert(attempts).values({
          assessmentId: id.test1,
          userId: a.userId,
          number: n,
          questionIds: [],
          startedAt: clock.now(),
          submittedAt: clock.now(),
          submittedBy: "learner",
          correctCount: 3,
          scorePercent: 100,
          passed: true,
        });
        return refreshCompletionAfterAssessment(t.ctx, tx, a.userId, id.test1);
      });
    const done = await pass();
    expect(done.map((c) => c.objectType)).toEqual(["module"]);
    expect(await events("academy.module.completed", a.userId)).toBe(1);
    // Again, and more statements: still once.
    expect(await pass()).toEqual([]);
    await watchVideo(a.cookie);
    expect(await events("academy.module.completed", a.userId)).toBe(1);
    const completedStatements = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(statements)
      .where(
        sql`${statements.actorId} = ${a.userId} and ${statements.verb} = 'completed' and ${statements.objectType} = 'module'`,
      );
    expect(completedStatements[0]?.n).toBe(1);
    module = (await get(a.cookie, `/api/academy/progress/modules/${id.module1}`)).json() as ProgressView;
    expect(module.checklist).toMatchObject({ complete: true, percent: 100 });
    const [cached] = await db
      .select()
      .from(progress)
      .where(sql`${progress.userId} = ${a.userId} and ${progress.objectId} = ${id.module1}`);
    expect(cached).toMatchObject({ percent: 100, objectType: "module" });

    // The level needs module 2 as well; no level event yet.
    const level = (await get(a.cookie, `/api/academy/progress/levels/${id.level1}`)).json() as ProgressView;
    expect(level.checklist.complete).toBe(false);
    expect(level.children.map((c) => c.complete)).toEqual([true, false]);
    expect(await events("academy.level.completed", a.userId)).toBe(0);
  });

  it("completes the level once every module is complete, sending the level event once", async () => {
    const a = await learner();
    const db = t.ctx.database.db;
    const moduleRows = await db.select().from(modules).where(eq(modules.levelId, id.level1));
    for (const m of moduleRows) {
      for (const l of await db.select().from(lessons).where(eq(lessons.moduleId, m.id))) {
        const view = await lesson(a.cookie, l.id);
        for (const item of view.items) {
          if (item.kind === "video") {
            const registration = randomUUID();
            await post(a.cookie, { statements: [{ verb: "played", itemId: item.id, registration, segments: [] }] });
            clock.advance(10_000);
            await post(a.cookie, {
              statements: [
                { verb: "played", itemId: item.id, registration, segments: [[0, item.video?.durationSeconds ?? 0]] },
              ],
            });
          } else if (item.kind === "knowledge_check") {
            for (const q of item.questions) {
              const [row] = await db.select().from(questions).where(eq(questions.id, q.id));
              await post(a.cookie, {
                statements: [{ verb: "answered", questionId: q.id, response: row?.correct ?? [] }],
              });
            }
          } else {
            await post(a.cookie, { statements: [{ verb: "opened", itemId: item.id }] });
          }
        }
        expect((await lesson(a.cookie, l.id)).checklist.complete).toBe(true);
      }
    }
    expect(await events("academy.module.completed", a.userId)).toBe(0);
    const tests = await db
      .select()
      .from(assessments)
      .where(
        sql`${assessments.moduleId} in (${sql.join(
          moduleRows.map((m) => sql`${m.id}`),
          sql`, `,
        )})`,
      );
    for (const [n, test] of tests.entries()) {
      await db.transaction(async (tx) => {
        await tx.insert(attempts).values({
          assessmentId: test.id,
          userId: a.userId,
          number: n + 1,
          questionIds: [],
          startedAt: clock.now(),
          submittedAt: clock.now(),
          submittedBy: "learner",
          correctCount: 1,
          scorePercent: 100,
          passed: true,
        });
        await refreshCompletionAfterAssessment(t.ctx, tx, a.userId, test.id);
      });
    }
    expect(await events("academy.module.completed", a.userId)).toBe(moduleRows.length);
    expect(await events("academy.level.completed", a.userId)).toBe(1);
    const level = (await get(a.cookie, `/api/academy/progress/levels/${id.level1}`)).json() as ProgressView;
    expect(level.checklist).toMatchObject({ complete: true, percent: 100, missing: [] });
    // The program needs level 2 (locked for Basic, exams only): not complete.
    const program = (
      await get(a.cookie, `/api/academy/progress/programs/${(await lesson(a.cookie, id.lesson1)).program.id}`)
    ).json() as ProgressView;
    expect(program.checklist.complete).toBe(false);
    expect(program.checklist.percent).toBe(50);
  });

  it("merges two tabs saving at the same time: segments are a union, answers both kept", async () => {
    const a = await learner();
    const [r1, r2] = [randomUUID(), randomUUID()];
    await post(a.cookie, { statements: [{ verb: "played", itemId: id.video, registration: r1, segments: [] }] });
    await post(a.cookie, { statements: [{ verb: "played", itemId: id.video, registration: r2, segments: [] }] });
    clock.advance(10_000);
    const [x, y] = await Promise.all([
      post(a.cookie, {
        statements: [
          { verb: "played", itemId: id.video, registration: r1, segments: [[0, 2.1]], position: 2.1 },
          { verb: "answered", questionId: id.q1, response: ["a"] },
        ],
      }),
      post(a.cookie, {
        statements: [
          { verb: "played", itemId: id.video, registration: r2, segments: [[2, 4]], position: 4 },
          { verb: "answered", questionId: id.q2, response: ["a"] },
        ],
      }),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    const view = await lesson(a.cookie, id.lesson1);
    const video = view.progress.find((p) => p.itemId === id.video);
    expect(video?.watched).toEqual([[0, 4]]);
    expect(view.progress.find((p) => p.itemId === id.check)?.correct.sort()).toEqual([id.q1, id.q2].sort());
    expect(view.checklist.complete).toBe(true);
    const completions = [...(x.json() as StatementsResponse).completed, ...(y.json() as StatementsResponse).completed];
    expect(completions).toEqual([{ objectType: "lesson", objectId: id.lesson1 }]);
  });

  it("refuses what the plan does not open, with the plan's message", async () => {
    const none = await learner(null);
    const res = await get(none.cookie, `/api/academy/lessons/${id.lesson1}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/Opens with the/);
    expect((await post(none.cookie, { statements: [{ verb: "opened", itemId: id.reading }] })).statusCode).toBe(403);
    expect(
      (await post(none.cookie, { statements: [{ verb: "answered", questionId: id.q1, response: ["a"] }] })).statusCode,
    ).toBe(403);
    expect((await get(none.cookie, `/api/academy/progress/modules/${id.module1}`)).statusCode).toBe(403);
    const basic = await learner("basic");
    expect((await get(basic.cookie, `/api/academy/progress/levels/${id.level2}`)).statusCode).toBe(403);
    const program = (
      await get(basic.cookie, `/api/academy/progress/programs/${(await lesson(basic.cookie, id.lesson1)).program.id}`)
    ).json() as ProgressView;
    expect(program.children.map((c) => c.locked)).toEqual([false, true]);
    expect(program.checklist.missing.at(-1)).toMatchObject({ kind: "locked_level", levelId: id.level2 });
    // Nothing was recorded for the refused writes.
    const rows = await t.ctx.database.db.select().from(statements).where(eq(statements.actorId, none.userId));
    expect(rows).toEqual([]);
  });

  it("keeps a learner's progress across a re-import of the content", async () => {
    const a = await learner();
    await watchVideo(a.cookie);
    await post(a.cookie, { statements: [{ verb: "answered", questionId: id.q1, response: ["a"] }] });
    const before = await lesson(a.cookie, id.lesson1);
    await importContent(t.ctx, FIXTURES);
    const after = await lesson(a.cookie, id.lesson1);
    expect(after.progress).toEqual(before.progress);
    expect(after.checklist.missing).toEqual([expect.objectContaining({ kind: "knowledge_check", remaining: 1 })]);
  });

  it("never shows one learner's progress to another", async () => {
    const a = await learner();
    await watchVideo(a.cookie);
    const b = await learner();
    const view = await lesson(b.cookie, id.lesson1);
    expect(view.progress.every((p) => p.percent === 0 && p.watched.length === 0)).toBe(true);
    expect(view.checklist.missing[0]).toMatchObject({ kind: "video", watchedPercent: 0 });
  });

  it("refuses statements that do not fit, naming the field", async () => {
    const a = await learner();
    const wrongKind = await post(a.cookie, {
      statements: [{ verb: "played", itemId: id.reading, registration: randomUUID(), segments: [] }],
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.fields).toEqual({ "statements.0.verb": "only videos are played" });
    const unknown = await post(a.cookie, { statements: [{ verb: "opened", itemId: randomUUID() }] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields).toEqual({ "statements.0.itemId": "no such item" });
    const invalid = await post(a.cookie, {
      statements: [{ verb: "played", itemId: id.video, registration: randomUUID(), segments: [[3, 1]] }],
    });
    expect(invalid.statusCode).toBe(400);
    expect((await post(a.cookie, { statements: [] })).statusCode).toBe(400);
  });

  it("continues where the learner left off, else at the first lesson not complete", async () => {
    const a = await learner();
    const first = (await get(a.cookie, "/api/academy/progress/continue")).json();
    expect(first.lesson).toMatchObject({ id: id.lesson1, reason: "next" });
    await post(a.cookie, { statements: [{ verb: "opened", itemId: id.reading }] });
    const resume = (await get(a.cookie, "/api/academy/progress/continue")).json();
    expect(resume.lesson).toMatchObject({ id: id.lesson2, reason: "resume", percent: 33 });
  });
});
