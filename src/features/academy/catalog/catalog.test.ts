import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { buildApp } from "../../../app.js";
import { fixedClock } from "../../../kernel/clock.js";
import { ensurePlatformAdmin, openSession } from "../../accounts/identity/service.js";
import { entitlements } from "../../billing/schema.js";
import { seedDemo } from "../../demo/seed.js";
import { progress } from "../learning/schema.js";
import type { CatalogResponse, Learner, ModuleDetail } from "./contract.js";
import { importContent } from "./service.js";

const FIXTURES = new URL("./fixtures", import.meta.url).pathname;

describe.each(TEST_ENGINES)("academy catalog on %s", (engine) => {
  let t: TestApp;
  let staff: string;
  const clock = fixedClock(new Date("2026-11-20T10:00:00Z"));

  const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const assign = (userId: string, plan: string, endsOn?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/admin/academy/memberships",
      headers: { cookie: staff },
      payload: { userId, plan, endsOn },
    });
  const home0 = (home: CatalogResponse) => home.programs[0] as CatalogResponse["programs"][number];
  const catalog = async (cookie: string) => (await get(cookie, "/api/academy/catalog")).json() as CatalogResponse;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    await importContent(t.ctx, FIXTURES);
    const admin = await buildUser(t.ctx, { email: `staff-${engine}@example.test` });
    await ensurePlatformAdmin(t.ctx, { email: admin.email, password: "staff-password-1" });
    staff = `pulse_session=${(await openSession(t.ctx, admin.userId, { ip: null, userAgent: null })).token}`;
  });
  afterAll(async () => t?.close());

  it("locks each level by plan and says which plan opens it", async () => {
    const nobody = await buildUser(t.ctx);
    const basic = await buildUser(t.ctx);
    const scholar = await buildUser(t.ctx);
    expect((await assign(basic.userId, "basic")).statusCode).toBe(200);
    expect((await assign(scholar.userId, "scholar")).statusCode).toBe(200);

    const locks = async (cookie: string) =>
      (await catalog(cookie)).programs.find((p) => p.key === "mini")?.levels.map((l) => [l.key, l.lock.open]);
    expect(await locks(nobody.cookie)).toEqual([
      ["mini.l1", false],
      ["mini.l2", false],
    ]);
    expect(await locks(basic.cookie)).toEqual([
      ["mini.l1", true],
      ["mini.l2", false],
    ]);
    expect(await locks(scholar.cookie)).toEqual([
      ["mini.l1", true],
      ["mini.l2", true],
    ]);
    expect(await locks(staff)).toEqual([
      ["mini.l1", true],
      ["mini.l2", true],
    ]);
    const level2 = (await catalog(basic.cookie)).programs[0]?.levels[1];
    expect(level2?.lock).toEqual({
      open: false,
      openedBy: ["scholar", "full"],
      message: "Opens with the CCSMP Scholar or CCSMP Full membership.",
    });
    expect(level2?.exams.map((e) => e.key)).toEqual(["mini.exam-a", "mini.exam-b"]);
    expect(home0(await catalog(basic.cookie)).levels[0]?.modules.map((m) => [m.key, m.lessonCount])).toEqual([
      ["mini.m1", 2],
      ["mini.m2", 2],
    ]);
    const home = await catalog(basic.cookie);
    expect(home.plans.map((p) => [p.plan, p.active])).toEqual([["basic", true]]);
    // Nothing started yet: "continue" offers the first lesson of an open level.
    expect(home.continue).toMatchObject({ lesson: { key: "mini.m1.l1" }, reason: "next" });
  });

  it("an ended plan no longer opens its levels, and renewing it does", async () => {
    const learner = await buildUser(t.ctx);
    await assign(learner.userId, "basic", "2026-11-21");
    expect((await catalog(learner.cookie)).programs[0]?.levels[0]?.lock.open).toBe(true);
    clock.set(new Date("2026-11-21T01:00:00Z"));
    try {
      const ended = await catalog(learner.cookie);
      expect(ended.programs[0]?.levels[0]?.lock.open).toBe(false);
      expect(ended.plans[0]?.active).toBe(false);
      await assign(learner.userId, "basic");
      expect((await catalog(learner.cookie)).programs[0]?.levels[0]?.lock.open).toBe(true);
    } finally {
      clock.set(new Date("2026-11-20T10:00:00Z"));
    }
  });

  it("refuses a plan that does not exist or an end date in the past, naming the field", async () => {
    const learner = await buildUser(t.ctx);
    const wrong = await assign(learner.userId, "platinum");
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields)).toContain("plan");
    const past = await assign(learner.userId, "basic", "2020-01-01");
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual({ endsOn: "must be in the future" });
  });

  it("finds people by email and removes a plan", async () => {
    const learner = await buildUser(t.ctx, { email: `find-me-${engine}@example.test` });
    await assign(learner.userId, "full");
    const found = await get(staff, `/api/admin/academy/learners?email=find-me-${engine}`);
    const [person] = found.json().learners as Learner[];
    expect(person?.email).toBe(`find-me-${engine}@example.test`);
    expect(person?.plans.map((p) => p.plan)).toEqual(["full"]);
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/admin/academy/memberships/${person?.plans[0]?.id}`,
      headers: { cookie: staff },
    });
    expect(removed.statusCode).toBe(204);
    expect((await get(learner.cookie, "/api/academy/me/plans")).json()).toEqual({ plans: [] });
    expect((await get(learner.cookie, "/api/admin/academy/learners?email=find")).statusCode).toBe(403);
  });

  it("shows a module with lessons, workbooks, scenario, test, tools and the learner's progress", async () => {
    const learner = await buildUser(t.ctx);
    await assign(learner.userId, "basic");
    const before = (await get(learner.cookie, "/api/academy/modules/mini.m1")).json() as ModuleDetail;
    expect(before.lessons.map((l) => [l.number, l.title, l.kinds])).toEqual([
      ["1.1", "Lesson 1.1", ["video", "knowledge_check"]],
      ["1.2", "Lesson 1.2", ["reading", "workbook", "scenario"]],
    ]);
    expect(before.lessons[0]?.topics).toEqual(["Topic A"]);
    expect(before.workbooks).toEqual([
      expect.objectContaining({ title: "Workbook", url: "/downloads/mini-workbook.md", lessonNumber: "1.2" }),
    ]);
    expect(before.tools).toEqual([expect.objectContaining({ title: "Mini tool", url: "/downloads/mini-tool.md" })]);
    expect(before.scenarios.map((s) => s.lessonNumber)).toEqual(["1.2"]);
    expect(before.test).toEqual(
      expect.objectContaining({ key: "mini.m1.test", questionCount: 3, passPercent: 60, attempts: 0, passed: false }),
    );
    expect(before.progress.percent).toBe(0);

    // Progress as the learning area keeps it: a lesson done, the module half way.
    const at = new Date("2026-11-20T09:00:00Z");
    const [l1] = before.lessons;
    await t.ctx.database.db.insert(progress).values([
      {
        userId: learner.userId,
        objectType: "lesson",
        objectId: l1?.id as string,
        percent: 100,
        completedAt: at,
        lastActivityAt: at,
      },
      { userId: learner.userId, objectType: "module", objectId: before.id, percent: 50, lastActivityAt: at },
    ]);
    const after = (await get(learner.cookie, "/api/academy/modules/mini.m1")).json() as ModuleDetail;
    expect(after.lessons.map((l) => l.progress.percent)).toEqual([100, 0]);
    expect(after.progress.percent).toBe(50);
    const home = await catalog(learner.cookie);
    expect(home.programs[0]?.levels[0]?.modules[0]?.progress.percent).toBe(50);
    // "Continue" is the learning area's decision from real statements (learning/routes.test.ts covers it).
    expect(home.continue?.module.key).toBe("mini.m1");

    expect((await get(learner.cookie, "/api/academy/modules/nope")).statusCode).toBe(404);
    expect((await get(learner.cookie, "/api/academy/programs/mini")).json().levels).toHaveLength(2);
  });

  it("gives the demo accounts their plans, once", async () => {
    await seedDemo(t.ctx, { clients: 5 });
    await seedDemo(t.ctx, { clients: 5 });
    const found = await get(staff, "/api/admin/academy/learners?email=demo.pulse");
    const plans = Object.fromEntries(
      (found.json().learners as Learner[]).map((l) => [l.email, l.plans.map((p) => p.plan).join(",")]),
    );
    expect(plans).toMatchObject({
      "member@demo.pulse": "basic",
      "csm.jordan@demo.pulse": "scholar",
      "manager@demo.pulse": "full",
      "owner@demo.pulse": "",
    });
    expect(
      (await t.ctx.database.db.select().from(entitlements)).filter((e) => e.source === "staff_grant").length,
    ).toBeGreaterThanOrEqual(5);
  });

  it("serves videos with Range to signed-in people only, and downloads as attachments", async () => {
    const app = await buildApp({ ctx: t.ctx, logLevel: "silent", webDist: "/nonexistent", contentDirs: [FIXTURES] });
    try {
      const learner = await buildUser(t.ctx);
      expect((await assign(learner.userId, "basic")).statusCode).toBe(200);
      const anonymous = await app.inject({ method: "GET", url: "/media/clips/short.webm" });
      expect(anonymous.statusCode).toBe(401);
      const ranged = await app.inject({
        method: "GET",
        url: "/media/clips/short.webm",
        headers: { cookie: learner.cookie, range: "bytes=0-99" },
      });
      expect(ranged.statusCode).toBe(206);
      expect(ranged.headers["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
      expect(ranged.rawPayload.length).toBe(100);
      const download = await app.inject({
        method: "GET",
        url: "/downloads/mini-workbook.md",
        headers: { cookie: learner.cookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-disposition"]).toBe('attachment; filename="mini-workbook.md"');
      const missing = await app.inject({
        method: "GET",
        url: "/media/clips/none.webm",
        headers: { cookie: learner.cookie },
      });
      expect(missing.statusCode).toBe(404);
      const outside = await app.inject({
        method: "GET",
        url: "/downloads/..%2f..%2fpackage.json",
        headers: { cookie: learner.cookie },
      });
      expect([403, 404]).toContain(outside.statusCode);
    } finally {
      await app.close();
    }
  });
});
