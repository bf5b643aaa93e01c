import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { loadPrograms } from "../../src/features/academy/catalog/content-sync.js";
import { expectAccessible } from "../support/accessibility.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * Module test and timed exam, as a learner would take them: fail the module test, review it, pass it on a
 * new attempt; start a timed exam, resume it after a reload, fail it, and see when and how to retake it.
 * The e2e server has no demo data but imports the content folders at start (CONTENT_DIR); the right
 * answers come from the same content files. A new learner takes them, with the Scholar plan given by staff.
 */

type Listed = {
  id: string;
  key: string;
  kind: "module_test" | "exam";
  title: string;
  questionCount: number;
  timeLimitMinutes: number | null;
  retakePolicy: unknown;
};
type AttemptJson = {
  id: string;
  questions: { id: string; prompt: string; choices: { key: string; text: string }[] }[];
};

/** The content folders the e2e server imports (e2e/support/serve.ts). */
const CONTENT_DIRS = (process.env.CONTENT_DIR ?? "src/features/academy/catalog/fixtures,content").split(",");

/** prompt -> correct choice keys, from every program under the content folders the server imported. */
function answerKey(): Map<string, string[]> {
  const key = new Map<string, string[]>();
  for (const dir of CONTENT_DIRS) {
    let programs: ReturnType<typeof loadPrograms> = [];
    try {
      // As the server imports at start: exam-integrity problems (short pools) are warnings there.
      programs = loadPrograms(dir.trim(), { onExamIntegrity: () => {} });
    } catch {
      // The server skips a folder that does not validate, and so do we.
    }
    for (const program of programs) {
      for (const level of program.levels) {
        for (const module of level.modules) for (const q of module.bank) key.set(q.prompt, q.correct);
        for (const exam of level.exams) for (const q of exam.pool) key.set(q.prompt, q.correct);
      }
    }
  }
  return key;
}

/** Answers every question of the attempt on the page: right or wrong, going by the content's key. */
async function answerAll(page: Page, attempt: AttemptJson, key: Map<string, string[]>, right: boolean, only?: number) {
  const cards = page.getByTestId("question");
  await expect(cards).toHaveCount(attempt.questions.length);
  for (const [i, q] of attempt.questions.slice(0, only).entries()) {
    const correct = key.get(q.prompt);
    expect(correct, `answer key for "${q.prompt.slice(0, 60)}"`).toBeTruthy();
    const keys = right ? (correct ?? []) : [q.choices.find((c) => !correct?.includes(c.key))?.key ?? ""];
    const card = cards.nth(i);
    for (const k of keys) {
      const text = q.choices.find((c) => c.key === k)?.text ?? "";
      const control = card.getByRole((correct?.length ?? 0) > 1 ? "checkbox" : "radio", { name: text, exact: true });
      await control.check({ force: true });
    }
  }
}

async function attemptJson(page: Page): Promise<AttemptJson> {
  const attemptId = new URL(page.url()).pathname.split("/").pop();
  return (await page.request.get(`/api/academy/attempts/${attemptId}`)).json();
}

test("module test: fail, review, pass; timed exam: countdown, resume, fail, retake countdown and .ics", async ({
  page,
  playwright,
}) => {
  test.setTimeout(180_000);
  const key = answerKey();
  const learner = newPerson("Candidate");
  await createConfirmedAccount(page.request, learner);
  await signInViaApi(page, learner.email, learner.password);
  const me = await (await page.request.get("/api/me")).json();
  const staff = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  expect((await staff.post("/api/auth/login", { data: ADMIN, headers: { origin: E2E_BASE_URL } })).status()).toBe(200);
  const plan = await staff.post("/api/admin/academy/memberships", {
    data: { userId: me.user.id, plan: "scholar" },
    headers: { origin: E2E_BASE_URL },
  });
  expect(plan.status(), await plan.text()).toBeLessThan(300);
  const list: Listed[] = (await (await page.request.get("/api/academy/assessments")).json()).assessments;
  const moduleTest = list.find((a) => a.kind === "module_test");
  const exam = list
    .filter((a) => a.kind === "exam" && a.timeLimitMinutes && a.retakePolicy)
    .sort((a, b) => a.questionCount - b.questionCount)[0];
  expect(moduleTest, "a module test in the imported content").toBeTruthy();
  expect(exam, "a timed exam with retake rules in the imported content").toBeTruthy();
  if (!moduleTest || !exam) return;

  // --- Module test: start, answer wrong, autosave survives a reload, submit, see the review.
  await page.goto("/academy/assessments");
  await expect(page.getByRole("heading", { level: 1, name: "Tests and exams" })).toBeVisible();
  await expectAccessible(page, "academy/assessments-list", { waitForHeading: true });
  await page.goto(`/academy/assessments/${moduleTest.id}`);
  await expect(page.getByRole("heading", { level: 1, name: moduleTest.title })).toBeVisible();
  await expectAccessible(page, "academy/module-test", { waitForHeading: true });
  await page.getByRole("button", { name: "Start the module test" }).click();
  await expect(page).toHaveURL(/\/academy\/attempts\//);
  const first = await attemptJson(page);
  expect(JSON.stringify(first)).not.toMatch(/"correct"|explanation/);
  await answerAll(page, first, key, false);
  await expect(page.getByTestId("save-state")).toContainText("All answers saved");
  await expectAccessible(page, "academy/module-test-attempt", { waitForHeading: true });
  await page.reload();
  await expect(page.getByText(`${first.questions.length} of ${first.questions.length} answered`)).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("attempt-result")).toContainText("Not passed");
  await expect(page.getByText("Correct answer").first()).toBeVisible();
  await expectAccessible(page, "academy/module-test-failed", { waitForHeading: true });

  // Module tests have no retake wait: a new attempt, all right this time.
  await page.getByRole("link", { name: /Back to the test/ }).click();
  await page.getByRole("button", { name: "Start a new attempt" }).click();
  await expect(page).toHaveURL(/\/academy\/attempts\//);
  const second = await attemptJson(page);
  expect(second.id).not.toBe(first.id);
  await answerAll(page, second, key, true);
  await page.getByRole("button", { name: "Submit answers" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("attempt-result")).toContainText("Passed");
  await expect(page.getByTestId("attempt-result")).toContainText("100%");
  await page.getByRole("link", { name: /Back to the test/ }).click();
  await expect(page.getByText("Best score: 100%")).toBeVisible();

  // --- Timed exam: the countdown comes from the server's deadline and survives a reload.
  await page.goto(`/academy/assessments/${exam.id}`);
  await expectAccessible(page, "academy/exam", { waitForHeading: true });
  await page.getByRole("button", { name: "Start the exam" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Start the exam" }).click();
  await expect(page).toHaveURL(/\/academy\/attempts\//);
  const countdown = page.getByTestId("exam-countdown");
  await expect(countdown).toHaveText(new RegExp(`^${(exam.timeLimitMinutes ?? 0) - 1}:\\d\\d$`));
  const attempt = await attemptJson(page);
  expect(JSON.stringify(attempt)).not.toMatch(/"correct"|explanation/);
  await answerAll(page, attempt, key, false, 1);
  await expect(page.getByTestId("save-state")).toContainText("All answers saved");
  await expectAccessible(page, "academy/exam-attempt", { waitForHeading: true });
  await page.reload();
  await expect(countdown).toBeVisible();
  // The clock and Submit stay in view while scrolling through the questions.
  await page.mouse.wheel(0, 5000);
  await expect(countdown).toBeInViewport();
  await page.screenshot({ path: ".tmp/screens/academy/exam-attempt-scrolled.png" });
  await expect(page.getByText(`1 of ${attempt.questions.length} answered`)).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("attempt-result")).toContainText("Not passed");
  // A failed exam gives its score (per module where the pool is tagged), never its questions or keys.
  await expect(page.getByText("Your score per module")).toBeVisible();
  await expect(page.getByText("Correct answer")).toHaveCount(0);
  const graded = await attemptJson(page);
  expect(graded.questions).toEqual([]);
  expect(JSON.stringify(graded)).not.toMatch(/"correct"|explanation/);

  // The retake: a countdown, the exact time in the learner's zone, and a calendar file.
  await expect(page.getByTestId("retake-countdown")).toContainText(/Opens in (1 day 23:5\d:\d\d|2 days 00:00:00)/);
  await expect(page.getByTestId("retake-opens-at")).toContainText("(UTC)");
  await expectAccessible(page, "academy/exam-failed", { waitForHeading: true });
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).click();
  const ics = readFileSync((await (await download).path()) ?? "", "utf8");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain(`SUMMARY:${exam.title}: your retake opens`);
  await page.getByRole("link", { name: /Back to the exam/ }).click();
  await expect(page.getByTestId("retake-countdown")).toBeVisible();
  await expect(page.getByRole("button", { name: /Start/ })).toHaveCount(0);
  const refused = await page.request.post(`/api/academy/assessments/${exam.id}/attempts`, {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("retake_locked");

  // Academy staff: the pool report (five disjoint forms per exam, seed 002).
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/academy");
  await expect(page.getByRole("link", { name: "Question pools" })).toHaveAttribute("href", "/admin/question-pools");
  await page.goto("/admin/question-pools");
  await expect(page.getByRole("heading", { level: 1, name: "Question pools" })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(exam.title) }).first()).toBeVisible();
  await expectAccessible(page, "academy/question-pools", { waitForHeading: true });
});
