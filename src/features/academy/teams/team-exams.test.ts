import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization, buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { addMember } from "../../accounts/organizations/service.js";
import { attempts } from "../assessments/schema.js";
import { assessments, levels } from "../catalog/schema.js";
import { importContent } from "../catalog/service.js";
import { issueForCompletion, revokeCredential } from "../credentials/service.js";
import type { TeamExamRow, TeamProgressPage } from "./contract.js";
import { CSV_HEADER } from "./service.js";

const FIXTURES = new URL("../catalog/fixtures", import.meta.url).pathname;
const NOW = new Date("2026-11-23T12:00:00Z");
type Person = { userId: string; email: string; name: string; cookie: string };

/**
 * Exam results in the team report: the fixture program "mini" has Exam A and Exam B (Level 2) whose level
 * gives the certification. Certified, failed, expired, revoked and untried members; an outsider certified too.
 */
describe.each(TEST_ENGINES)("team progress exam results on %s", (engine) => {
  let t: TestApp;
  let orgId: string;
  let owner: Person;
  let certified: Person;
  let failing: Person;
  let lapsed: Person;
  let revoked: Person;
  let outsider: Person;

  const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const team = async (cookie: string, query = "") => {
    const res = await get(cookie, `/api/organizations/${orgId}/academy/team-progress${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TeamProgressPage;
  };
  const examsOf = (page: TeamProgressPage, who: Person) =>
    page.exams.find((e) => e.userId === who.userId && e.program.key === "mini") as TeamExamRow;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock: fixedClock(NOW) });
    await importContent(t.ctx, FIXTURES);
    const org = await buildOrganization(t.ctx, "Exam Org");
    orgId = org.orgId;
    owner = { ...org.owner, name: "Owner" };
    const member = async (name: string) => {
      const user = await buildUser(t.ctx, { name });
      await addMember(t.ctx.database.db, orgId, user.userId, "member");
      return { ...user, name };
    };
    certified = await member("Cleo Certified");
    failing = await member("Finn Failing");
    lapsed = await member("Lena Lapsed");
    revoked = await member("Rita Revoked");
    outsider = { ...(await buildOrganization(t.ctx, "Elsewhere")).owner, name: "Owner" };

    const db = t.ctx.database.db;
    const examId = async (key: string) =>
      ((await db.select().from(assessments).where(eq(assessments.key, key)))[0]?.id ?? "") as string;
    const examA = await examId("mini.exam-a");
    const examB = await examId("mini.exam-b");
    const [level2] = await db.select().from(levels).where(eq(levels.key, "mini.l2"));
    const at = (day: number, h = 9) => new Date(Date.UTC(2026, 10, day, h));
    const attempt = (
      who: Person,
      assessmentId: string,
      number: number,
      score: number,
      passed: boolean,
      when: Date,
    ) => ({
      assessmentId,
      userId: who.userId,
      number,
      questionIds: [],
      startedAt: when,
      submittedAt: when,
      scorePercent: score,
      passed,
    });
    await db.insert(attempts).values([
      attempt(certified, examA, 1, 50, false, at(10)),
      attempt(certified, examA, 2, 100, true, at(12)),
      attempt(certified, examB, 1, 100, true, at(12, 10)),
      attempt(failing, examA, 1, 25, false, at(15)),
      attempt(outsider, examA, 1, 100, true, at(15)),
      attempt(outsider, examB, 1, 100, true, at(15)),
      // An attempt still open does not count as used.
      { ...attempt(failing, examB, 1, 0, false, at(16)), submittedAt: null, scorePercent: null, passed: null },
    ]);
    const certify = (who: Person, completedAt: Date) =>
      issueForCompletion(t.ctx, { userId: who.userId, object: "level", objectId: level2?.id as string, completedAt });
    await certify(certified, at(12, 10));
    await certify(outsider, at(15));
    // Certified two years ago: the certification ran out after twelve months.
    await certify(lapsed, new Date("2024-11-01T09:00:00Z"));
    const toRevoke = await certify(revoked, at(14));
    await revokeCredential(
      t.ctx,
      {
        userId: owner.userId,
        email: owner.email,
        name: owner.name,
        isPlatformAdmin: true,
        sessionId: "test",
        activeOrgId: null,
        memberships: new Map(),
      },
      toRevoke?.id as string,
      { reason: "Exam misconduct" },
    );
  });
  afterAll(async () => t?.close());

  it("shows each member's best score, pass and attempts per exam, and whether they hold the certification", async () => {
    const page = await team(owner.cookie, "?program=mini&limit=500");
    const mine = examsOf(page, certified);
    expect(mine.program).toEqual({ key: "mini", title: "Mini Program" });
    expect(mine.exams.map((e) => [e.key, e.title, e.level.number, e.passPercent])).toEqual([
      ["mini.exam-a", "Exam A", 2, 75],
      ["mini.exam-b", "Exam B", 2, 50],
    ]);
    expect(mine.exams.map((e) => [e.attempts, e.bestScorePercent, e.passed, e.lastAttemptAt])).toEqual([
      [2, 100, true, "2026-11-12T09:00:00.000Z"],
      [1, 100, true, "2026-11-12T10:00:00.000Z"],
    ]);
    expect(mine.certification).toEqual({
      title: "Certified Mini Professional",
      status: "certified",
      validUntil: "2027-11-12T10:00:00.000Z",
      cpd: null, // the program has no CPD rule set
    });

    const failed = examsOf(page, failing);
    expect(failed.exams.map((e) => [e.attempts, e.bestScorePercent, e.passed])).toEqual([
      [1, 25, false],
      [0, null, false],
    ]);
    expect(failed.certification?.status).toBe("not_certified");
    expect(examsOf(page, lapsed).certification?.status).toBe("expired");
    expect(examsOf(page, revoked).certification?.status).toBe("revoked");
    expect(examsOf(page, owner).exams.every((e) => e.attempts === 0 && !e.passed)).toBe(true);
  });

  it("never shows a member of another organization, even asked for by id", async () => {
    const page = await team(owner.cookie, "?limit=500");
    expect(page.exams.some((e) => e.userId === outsider.userId)).toBe(false);
    expect(new Set(page.exams.map((e) => e.userId))).toEqual(
      new Set([owner, certified, failing, lapsed, revoked].map((p) => p.userId)),
    );
    const asked = await team(owner.cookie, `?person=${outsider.userId}`);
    expect(asked.rows).toEqual([]);
    expect(asked.exams).toEqual([]);
    const csv = await get(owner.cookie, `/api/organizations/${orgId}/academy/team-progress.csv`);
    expect(csv.body).not.toContain(outsider.email);
    expect((await get(outsider.cookie, `/api/organizations/${orgId}/academy/team-progress`)).statusCode).toBe(404);
  });

  it("gives exam results only for the members and programs on the page", async () => {
    const first = await team(owner.cookie, "?program=mini&limit=2");
    expect(new Set(first.exams.map((e) => e.userId))).toEqual(new Set(first.rows.map((r) => r.userId)));
    expect(first.exams).toHaveLength(1);
    const completedOnly = await team(owner.cookie, "?status=completed");
    expect(completedOnly.rows).toEqual([]);
    expect(completedOnly.exams).toEqual([]);
  });

  it("lets a member see their own exam results, and only a manager see the team's", async () => {
    const own = await get(failing.cookie, `/api/organizations/${orgId}/academy/my-progress`);
    expect(own.statusCode).toBe(200);
    const page = own.json() as TeamProgressPage;
    expect(page.exams.map((e) => e.userId)).toEqual([failing.userId]);
    expect((await get(failing.cookie, `/api/organizations/${orgId}/academy/team-progress`)).statusCode).toBe(403);
    expect((await get(failing.cookie, `/api/organizations/${orgId}/academy/team-progress.csv`)).statusCode).toBe(403);
  });

  it("exports one row per exam after the member's module rows, with the certification standing", async () => {
    const res = await get(
      owner.cookie,
      `/api/organizations/${orgId}/academy/team-progress.csv?person=${certified.userId}`,
    );
    expect(res.statusCode).toBe(200);
    const records = parse(res.body.replace(/^\uFEFF/, "")) as string[][];
    expect(records[0]).toEqual(CSV_HEADER);
    expect(records[0]?.slice(13)).toEqual([
      "Exam",
      "Exam attempts",
      "Best exam score %",
      "Exam passed",
      "Certified",
      "CPD standing",
      "CPD hours this cycle",
    ]);
    // Two module rows, then Exam A and Exam B.
    expect(records.map((r) => r[4] || r[13])).toEqual([
      "Module",
      "Module 1: Module 1",
      "Module 2: Module 2",
      "Exam A",
      "Exam B",
    ]);
    expect(records[1]?.slice(13)).toEqual(["", "", "", "", "", "", ""]);
    expect(records[3]?.slice(0, 4)).toEqual([certified.name, certified.email, "Mini Program", "Level 2: Exams"]);
    expect(records[3]?.[8]).toBe("2026-11-12T09:00:00.000Z");
    expect(records[3]?.slice(13)).toEqual(["Exam A", "2", "100", "yes", "yes", "", ""]);
    expect(records[4]?.slice(13)).toEqual(["Exam B", "1", "100", "yes", "yes", "", ""]);

    const failed = parse(
      (
        await get(owner.cookie, `/api/organizations/${orgId}/academy/team-progress.csv?person=${failing.userId}`)
      ).body.replace(/^\uFEFF/, ""),
    ) as string[][];
    expect(failed.slice(3).map((r) => r.slice(13))).toEqual([
      ["Exam A", "1", "25", "no", "no", "", ""],
      ["Exam B", "0", "", "", "no", "", ""],
    ]);
    const revokedCsv = (
      await get(owner.cookie, `/api/organizations/${orgId}/academy/team-progress.csv?person=${revoked.userId}`)
    ).body;
    expect(revokedCsv.trim().split(/\r?\n/).at(-1)).toMatch(/,revoked,,$/);
  });
});
