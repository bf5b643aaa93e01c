import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization, buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { addMember } from "../../accounts/organizations/service.js";
import { attempts } from "../assessments/schema.js";
import { assessments, modules } from "../catalog/schema.js";
import { importContent } from "../catalog/service.js";
import { progress } from "../learning/schema.js";
import type { TeamProgressPage } from "./contract.js";

const FIXTURES = new URL("../catalog/fixtures", import.meta.url).pathname;

describe.each(TEST_ENGINES)("team progress on %s", (engine) => {
  let t: TestApp;
  let orgId: string;
  let owner: { userId: string; cookie: string };
  let manager: { userId: string; cookie: string };
  let member: { userId: string; cookie: string };
  let other: { userId: string; cookie: string };
  let outsider: { userId: string; cookie: string };

  const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const team = (cookie: string, query = "") => get(cookie, `/api/organizations/${orgId}/academy/team-progress${query}`);

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    await importContent(t.ctx, FIXTURES);
    const org = await buildOrganization(t.ctx, "Team Org");
    orgId = org.orgId;
    owner = org.owner;
    manager = await buildMember(t.ctx, orgId, "manager");
    // A name a spreadsheet would run as a formula: the CSV must escape it.
    member = await buildUser(t.ctx, { name: "=Ada Learner" });
    await addMember(t.ctx.database.db, orgId, member.userId, "member");
    other = await buildMember(t.ctx, orgId, "member");
    // Someone in another organization, with progress of their own that must never show here.
    const elsewhere = await buildOrganization(t.ctx, "Elsewhere");
    outsider = elsewhere.owner;

    const db = t.ctx.database.db;
    const [m1] = await db.select().from(modules).where(eq(modules.key, "mini.m1"));
    const [m2] = await db.select().from(modules).where(eq(modules.key, "mini.m2"));
    const [test] = await db.select().from(assessments).where(eq(assessments.key, "mini.m1.test"));
    const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
    await db.insert(progress).values([
      {
        userId: member.userId,
        objectType: "module",
        objectId: m1?.id as string,
        percent: 100,
        completedAt: at(9),
        lastActivityAt: at(9),
      },
      { userId: member.userId, objectType: "module", objectId: m2?.id as string, percent: 25, lastActivityAt: at(10) },
      { userId: outsider.userId, objectType: "module", objectId: m1?.id as string, percent: 60, lastActivityAt: at(8) },
    ]);
    const attempt = (number: number, score: number, passed: boolean, h: number) => ({
      assessmentId: test?.id as string,
      userId: member.userId,
      number,
      questionIds: [],
      startedAt: at(h),
      submittedAt: at(h),
      scorePercent: score,
      passed,
    });
    await db.insert(attempts).values([attempt(1, 33, false, 7), attempt(2, 100, true, 8)]);
  });
  afterAll(async () => t?.close());

  it("shows a manager every member x module with percent, status, last activity and test attempts", async () => {
    const res = await team(manager.cookie, "?program=mini");
    expect(res.statusCode).toBe(200);
    const page = res.json() as TeamProgressPage;
    // Four people (owner, manager, two members) x two modules.
    expect(page.total).toBe(8);
    const mine = page.rows.filter((r) => r.userId === member.userId);
    expect(mine.map((r) => [r.module.key, r.percent, r.status, r.test.attempts, r.test.bestScorePercent])).toEqual([
      ["mini.m1", 100, "completed", 2, 100],
      ["mini.m2", 25, "in_progress", 0, null],
    ]);
    expect(mine[0]?.test).toEqual({ attempts: 2, bestScorePercent: 100, lastScorePercent: 100, passed: true });
    expect(mine[1]?.lastActivityAt).toBe("2026-11-20T10:00:00.000Z");
    expect(page.rows.some((r) => r.userId === outsider.userId)).toBe(false);
  });

  it("filters by person, status and program, and pages", async () => {
    const byPerson = (await team(manager.cookie, `?person=${member.userId}`)).json() as TeamProgressPage;
    expect(new Set(byPerson.rows.map((r) => r.userId))).toEqual(new Set([member.userId]));
    const completed = (await team(owner.cookie, "?status=completed")).json() as TeamProgressPage;
    expect(completed.rows.map((r) => [r.userId, r.module.key])).toEqual([[member.userId, "mini.m1"]]);
    const notStarted = (await team(owner.cookie, "?status=not_started")).json() as TeamProgressPage;
    expect(notStarted.total).toBe(6);
    const none = (await team(owner.cookie, "?program=nope")).json() as TeamProgressPage;
    expect(none.total).toBe(0);
    const paged = (await team(owner.cookie, "?limit=3&offset=6")).json() as TeamProgressPage;
    expect(paged.rows).toHaveLength(2);
    expect(paged.total).toBe(8);
    const bad = await team(owner.cookie, "?status=done");
    expect(bad.statusCode).toBe(400);
  });

  it("pages over people without losing or repeating a row", async () => {
    const key = (r: TeamProgressPage["rows"][number]) => `${r.userId} ${r.module.key}`;
    const all = ((await team(owner.cookie, "?limit=500")).json() as TeamProgressPage).rows.map(key);
    for (const limit of [1, 3, 5]) {
      const paged: string[] = [];
      for (let offset = 0; offset < all.length; offset += limit) {
        paged.push(
          ...((await team(owner.cookie, `?limit=${limit}&offset=${offset}`)).json() as TeamProgressPage).rows.map(key),
        );
      }
      expect(paged).toEqual(all);
    }
    expect(((await team(owner.cookie, "?offset=100")).json() as TeamProgressPage).rows).toEqual([]);
  });

  it("lets members see only their own progress, and hides the organization from outsiders", async () => {
    expect((await team(member.cookie)).statusCode).toBe(403);
    const own = await get(other.cookie, `/api/organizations/${orgId}/academy/my-progress?person=${member.userId}`);
    expect(own.statusCode).toBe(200);
    expect(new Set((own.json() as TeamProgressPage).rows.map((r) => r.userId))).toEqual(new Set([other.userId]));
    expect((await team(outsider.cookie)).statusCode).toBe(404);
    expect((await get(outsider.cookie, `/api/organizations/${orgId}/academy/my-progress`)).statusCode).toBe(404);
    const staffless = await buildUser(t.ctx);
    expect((await team(staffless.cookie)).statusCode).toBe(404);
  });

  it("exports the filtered report as CSV", async () => {
    const res = await get(
      manager.cookie,
      `/api/organizations/${orgId}/academy/team-progress.csv?person=${member.userId}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="team-progress-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parse(res.body.replace(/^\uFEFF/, "")) as string[][];
    expect(records[0]?.slice(0, 7)).toEqual([
      "Name",
      "Email",
      "Program",
      "Level",
      "Module",
      "Percent complete",
      "Status",
    ]);
    // Two module rows, then the mini program's two exams (never attempted here; see team-exams.test.ts).
    expect(records).toHaveLength(5);
    expect(records[1]?.[0]).toBe("'=Ada Learner");
    expect(records[1]?.slice(4, 7)).toEqual(["Module 1: Module 1", "100", "completed"]);
    expect(records[1]?.slice(9, 13)).toEqual(["2", "100", "100", "yes"]);
    expect(records[3]?.[0]).toBe("'=Ada Learner");
    expect(records[3]?.slice(13)).toEqual(["Exam A", "0", "", "", "no", "", ""]);
    expect((await get(member.cookie, `/api/organizations/${orgId}/academy/team-progress.csv`)).statusCode).toBe(403);
  });
});
