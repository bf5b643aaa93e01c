import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { answerWithKey, grantPlan, miniAnswerKey } from "../support/academy.js";
import { expectAccessible } from "../support/accessibility.js";
import { type Credentials, createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { E2E_BASE_URL } from "../support/e2e-env.js";
import { waitForMail } from "../support/mailbox.js";

/**
 * Team progress: a Scholar learner in an organization answers a lesson's knowledge check (statements API,
 * the lesson player's path), passes the module test and Exam B of the mini program (assessments API); their
 * manager sees both in the team report (Exam A not attempted, not certified), filters it and exports CSV;
 * the learner sees only their own progress.
 */
const headers = { origin: E2E_BASE_URL };
const SHOTS = ".tmp/screens/academy";

async function personIn(browser: Browser, label: string) {
  const person = newPerson(label);
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await createConfirmedAccount(page.request, person);
  await signInViaApi(page, person.email, person.password);
  return { person, page };
}

async function join(owner: Page, orgId: string, person: Credentials, page: Page, role: string) {
  const invitedAt = new Date(Date.now() - 1000);
  const invite = await owner.request.post(`/api/organizations/${orgId}/invitations`, {
    data: { email: person.email, role },
    headers,
  });
  expect(invite.status(), await invite.text()).toBeLessThan(300);
  const mail = await waitForMail(person.email, /invited you/i, { after: invitedAt });
  const token = decodeURIComponent(new URL(mail.link).pathname.split("/").pop() ?? "");
  const accepted = await page.request.post("/api/invitations/accept", { data: { token }, headers });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await page.request.post("/api/me/active-organization", { data: { organizationId: orgId }, headers });
}

test("a manager sees a member's progress, test score and exam results in the team report and exports CSV", async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const owner = newPerson("Owner");
  await createConfirmedAccount(request, owner);
  await signInViaApi(page, owner.email, owner.password);
  const org = await (
    await page.request.post("/api/organizations", { data: { name: `Team Progress ${Date.now()}` }, headers })
  ).json();
  const manager = await personIn(browser, "Manager");
  const learner = await personIn(browser, "Learner");
  await join(page, org.id, manager.person, manager.page, "manager");
  await join(page, org.id, learner.person, learner.page, "member");
  const me = await (await learner.page.request.get("/api/me")).json();
  // Scholar opens Level 1 (modules) and Level 2 (the exams); `request` is signed in as staff from here on.
  await grantPlan(request, me.user.id, "scholar");

  await test.step("the learner answers lesson 1.1's knowledge check and passes the module test", async () => {
    const module = await (await learner.page.request.get("/api/academy/modules/mini.m1")).json();
    const lesson = await (await learner.page.request.get(`/api/academy/lessons/${module.lessons[0].id}`)).json();
    const check = lesson.items.find((i: { kind: string }) => i.kind === "knowledge_check");
    const answered = await learner.page.request.post("/api/academy/statements", {
      data: {
        statements: check.questions.map((q: { id: string }) => ({
          verb: "answered",
          questionId: q.id,
          response: ["a"],
        })),
      },
      headers,
    });
    expect(answered.status(), await answered.text()).toBeLessThan(300);
    const result = await answerWithKey(learner.page.request, module.test.id, await miniAnswerKey(request));
    expect(result.scorePercent).toBe(100);
  });

  await test.step("the learner passes Exam B and leaves Exam A untried", async () => {
    const key = await miniAnswerKey(request);
    const listed: { id: string; key: string }[] = (
      await (await learner.page.request.get("/api/academy/assessments")).json()
    ).assessments;
    const exam = listed.find((a) => a.key === "mini.exam-b");
    expect(exam, "mini.exam-b").toBeTruthy();
    expect((await answerWithKey(learner.page.request, exam?.id as string, key)).scorePercent).toBe(100);
  });

  await test.step("the manager filters the team report to the learner and sees the module row", async () => {
    const m = manager.page;
    await m.goto("/learning-progress");
    await expect(m.getByRole("heading", { level: 1, name: "Team learning progress" })).toBeVisible();
    await m.getByRole("textbox", { name: "Person" }).fill(learner.person.email);
    await m.getByRole("combobox", { name: "Program" }).click();
    await m.getByRole("option", { name: "Mini Program" }).click();
    const table = m.getByRole("table");
    const row = table.getByRole("row").filter({ hasText: "Module 1: Module 1" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(learner.person.name);
    await expect(row).toContainText("In progress");
    await expect(row).toContainText("1 attempt, best 100%, passed");
    await expect(table.getByRole("row").filter({ hasText: "Module 2: Module 2" })).toContainText("Not started");

    const exams = m.getByRole("region", { name: "Certification exams" });
    const examB = exams.getByRole("row").filter({ hasText: "Exam B" });
    await expect(examB).toHaveCount(1);
    await expect(examB).toContainText(learner.person.name);
    await expect(examB.getByRole("cell")).toHaveText([
      `${learner.person.name}${learner.person.email}`,
      "Mini Program",
      "Exam BLevel 2 · pass mark 50%",
      "1",
      "100%",
      "Passed",
      "Not certified",
    ]);
    const examA = exams.getByRole("row").filter({ hasText: "Exam A" });
    await expect(examA.getByRole("cell").nth(3)).toHaveText("0");
    await expect(examA).toContainText("Not attempted");
    await expect(examA).toContainText("Not certified");
    await expectAccessible(m, "academy/team-progress");
    await exams.scrollIntoViewIfNeeded();
    await m.screenshot({ path: `${SHOTS}/team-progress-exams.png`, fullPage: true });

    await m.getByRole("combobox", { name: "Status" }).click();
    await m.getByRole("option", { name: "In progress" }).click();
    await expect(table.getByRole("row").filter({ hasText: "Module 2: Module 2" })).toHaveCount(0);

    const download = m.waitForEvent("download");
    await m.getByRole("link", { name: "Export CSV" }).click();
    const csv = readFileSync((await (await download).path()) as string, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("Name,Email,Program,Level,Module,Percent complete,Status");
    expect(lines[0]).toMatch(
      /,Exam,Exam attempts,Best exam score %,Exam passed,Certified,CPD standing,CPD hours this cycle$/,
    );
    // The module row, then one row per exam of the program.
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(learner.person.email);
    expect(lines[1]).toContain("Module 1: Module 1");
    expect(lines[1]).toContain("in progress");
    expect(lines[1]).toMatch(/,1,100,100,yes,,,,,,,$/);
    expect(lines[2]).toContain(learner.person.email);
    expect(lines[2]).toMatch(/,Exam A,0,,,no,[^,]*,[^,]*$/);
    expect(lines[3]).toMatch(/,Level 2: Exams,.*,Exam B,1,100,yes,no,[^,]*,[^,]*$/);
  });

  await test.step("the learner sees only their own progress", async () => {
    const l = learner.page;
    await l.goto("/learning-progress");
    await expect(l.getByRole("heading", { level: 1, name: "My learning progress" })).toBeVisible();
    await expect(l.getByRole("row").filter({ hasText: "Module 1: Module 1" })).toContainText("In progress");
    await expect(l.getByText(manager.person.email)).toHaveCount(0);
    const mine = l.getByRole("region", { name: "Certification exams" });
    // Every program shows here (the e2e server loads the real curricula too): pick the mini program's Exam B.
    const myExamB = mine.getByRole("row").filter({ hasText: "Mini Program" }).filter({ hasText: "Exam B" });
    await expect(myExamB).toContainText("Passed");
    await l.screenshot({ path: `${SHOTS}/team-my-progress-exams.png`, fullPage: true });
    const denied = await l.request.get(`/api/organizations/${org.id}/academy/team-progress`);
    expect(denied.status()).toBe(403);
    await expectAccessible(l, "academy/team-my-progress");
  });
});
