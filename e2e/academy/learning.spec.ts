import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { answerWithKey, grantPlan, miniAnswerKey } from "../support/academy.js";
import { expectAccessible } from "../support/accessibility.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * The lesson player as a Basic learner uses it, on the fixture program the e2e server imports at start
 * (CONTENT_DIR): watch the 4-second clip to the end, answer the knowledge check (one wrong try first) and
 * see the lesson complete; then the "Return to activity" dialog with two pages of one browser.
 */

const headers = { origin: E2E_BASE_URL };

async function basicLearner(page: Page, request: APIRequestContext) {
  const person = newPerson("Learner");
  await createConfirmedAccount(request, person);
  await signInViaApi(page, person.email, person.password);
  const me = await (await page.request.get("/api/me")).json();
  await grantPlan(request, me.user.id, "basic");
  const module = await (await page.request.get("/api/academy/modules/mini.m1")).json();
  return { lessonIds: module.lessons.map((l: { id: string }) => l.id) as string[] };
}

/** Starts the lesson's clip (muted, as autoplay rules require) and returns its locator. */
async function startClip(page: Page) {
  const video = page.locator("video");
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  return video;
}

/** Plays the lesson's clip to its end and waits for "Watched". */
async function watchClipToEnd(page: Page) {
  const video = await startClip(page);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.ended), { timeout: 20_000 }).toBe(true);
  await expect(page.getByText("Watched", { exact: true })).toBeVisible();
}

test("a Basic learner watches the clip, answers the knowledge check after a wrong try, and completes the lesson", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { lessonIds } = await basicLearner(page, request);
  await page.goto(`/academy/lessons/${lessonIds[0]}`);
  await expect(page.getByRole("heading", { level: 1, name: "1.1 Lesson 1.1" })).toBeVisible();
  const checklist = page.getByTestId("completion-checklist");
  await expect(checklist).toContainText("Watch “Intro video” in Lesson 1.1 (0% watched)");
  await expect(checklist).toContainText("Answer 2 of 2 questions correctly in “Check”");
  await expectAccessible(page, "academy/lesson-start");

  // Watch the whole clip: launch it and wait for the end.
  await watchClipToEnd(page);
  await expect(checklist).not.toContainText("Intro video");

  // Knowledge check: wrong first, then right; unlimited tries.
  const questions = page.locator('[data-testid^="question-"]');
  const q1 = questions.nth(0);
  await q1.getByRole("radio", { name: "Wrong", exact: true }).check({ force: true });
  await q1.getByRole("button", { name: "Check answer" }).click();
  await expect(q1.getByText("Not quite")).toBeVisible();
  await q1.getByRole("radio", { name: "Right", exact: true }).check({ force: true });
  await q1.getByRole("button", { name: "Try again" }).click();
  await expect(q1.getByText("Correct", { exact: true })).toBeVisible();
  await expect(q1.getByText("A is right.")).toBeVisible();
  await expect(checklist).toContainText("Answer 1 of 2 questions correctly");
  const q2 = questions.nth(1);
  await q2.getByRole("radio", { name: "Right", exact: true }).check({ force: true });
  await q2.getByRole("button", { name: "Check answer" }).click();
  await expect(q2.getByText("Correct", { exact: true })).toBeVisible();

  // Progress updates: the lesson is complete, and so says the server.
  await expect(page.getByText("Complete", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Everything is done/)).toBeVisible();
  await expectAccessible(page, "academy/lesson-complete");
  const lesson = await (await page.request.get(`/api/academy/lessons/${lessonIds[0]}`)).json();
  expect(lesson.checklist).toMatchObject({ complete: true, percent: 100 });

  // Reload: the video resumes from the server and still counts as watched; the module still needs its test.
  await page.reload();
  await expect(page.getByText("Watched", { exact: true })).toBeVisible();
  const module = await (await page.request.get(`/api/academy/progress/modules/${lesson.module.id}`)).json();
  expect(module.checklist.complete).toBe(false);
  expect(module.checklist.missing.map((m: { kind: string }) => m.kind)).toContain("module_test");

  // The catalog's module page shows the lesson completed.
  await page.getByRole("link", { name: "Module 1: Module 1" }).click();
  await expect(page).toHaveURL(/\/academy\/modules\/mini\.m1/);
  const row = page.getByRole("row").filter({ hasText: "Lesson 1.1" });
  await expect(row.getByText(/^complete/i)).toBeVisible();
  await expect(page.getByText("33% complete", { exact: true })).toBeVisible();
});

test("Return to activity: a second tab waits, takes over with Continue here, and is freed when the other tab closes", async ({
  page,
  request,
  context,
}) => {
  test.setTimeout(60_000);
  const { lessonIds } = await basicLearner(page, request);
  await page.goto(`/academy/lessons/${lessonIds[0]}`);
  await expect(page.getByRole("heading", { level: 1, name: "1.1 Lesson 1.1" })).toBeVisible();
  await page.waitForTimeout(600);
  const dialog = (p: Page) => p.getByRole("dialog", { name: "Return to activity" });
  await expect(dialog(page)).toHaveCount(0);

  // The same course (another lesson of the module) in a second tab: blocked.
  const second = await context.newPage();
  await second.goto(`/academy/lessons/${lessonIds[1]}`);
  await expect(dialog(second)).toBeVisible();
  await expectAccessible(second, "academy/return-to-activity");
  await expect(dialog(page)).toHaveCount(0);

  // Continue here: the second tab works, the first one waits.
  await dialog(second).getByRole("button", { name: "Continue here" }).click();
  await expect(dialog(second)).toHaveCount(0);
  await expect(dialog(page)).toBeVisible();

  // And back: the first tab takes it again.
  await dialog(page).getByRole("button", { name: "Continue here" }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(dialog(second)).toBeVisible();

  // Closing the tab that holds the course closes the dialog in the other one by itself.
  await page.close({ runBeforeUnload: true });
  await expect(dialog(second)).toHaveCount(0, { timeout: 5000 });
  await expect(second.getByRole("heading", { level: 1, name: "1.2 Lesson 1.2" })).toBeVisible();
});

test("Return to activity: the waiting tab's dialog closes by itself when the other tab completes the course", async ({
  page,
  request,
  context,
}) => {
  test.setTimeout(90_000);
  const { lessonIds } = await basicLearner(page, request);
  const module = await (await page.request.get("/api/academy/modules/mini.m1")).json();

  // All of the course but lesson 1.1 is done beforehand: the module test passed and lesson 1.2 opened
  // through the APIs; `request` is signed in as staff since grantPlan, so it can read the answer key.
  const key = await miniAnswerKey(request);
  expect((await answerWithKey(page.request, module.test.id, key)).passed).toBe(true);
  const lesson2 = await (await page.request.get(`/api/academy/lessons/${lessonIds[1]}`)).json();
  const opened = await page.request.post("/api/academy/statements", {
    data: { statements: lesson2.items.map((i: { id: string }) => ({ verb: "opened", itemId: i.id })) },
    headers,
  });
  expect(opened.status(), await opened.text()).toBeLessThan(300);
  const before = await (await page.request.get(`/api/academy/progress/modules/${module.id}`)).json();
  expect(before.checklist.complete).toBe(false);

  // The first tab holds the course on lesson 1.1; the second, on lesson 1.2, waits behind the dialog.
  await page.goto(`/academy/lessons/${lessonIds[0]}`);
  await expect(page.getByRole("heading", { level: 1, name: "1.1 Lesson 1.1" })).toBeVisible();
  await page.waitForTimeout(600);
  const dialog = (p: Page) => p.getByRole("dialog", { name: "Return to activity" });
  const second = await context.newPage();
  await second.goto(`/academy/lessons/${lessonIds[1]}`);
  await expect(dialog(second)).toBeVisible();
  await expect(dialog(page)).toHaveCount(0);

  // The first tab completes the course as a learner does: the clip to its end, then the knowledge check.
  await watchClipToEnd(page);
  await expect(dialog(second)).toBeVisible();
  const questions = page.locator('[data-testid^="question-"]');
  for (const i of [0, 1]) {
    const q = questions.nth(i);
    await q.getByRole("radio", { name: "Right", exact: true }).check({ force: true });
    await q.getByRole("button", { name: "Check answer" }).click();
    await expect(q.getByText("Correct", { exact: true })).toBeVisible();
  }
  const after = await (await page.request.get(`/api/academy/progress/modules/${module.id}`)).json();
  expect(after.checklist.complete).toBe(true);

  // Nobody touched the second tab: its dialog closed by itself, and it works in the course now.
  await expect(dialog(second)).toHaveCount(0, { timeout: 5000 });
  await expect(second.getByRole("heading", { level: 1, name: "1.2 Lesson 1.2" })).toBeVisible();
  await second.getByRole("textbox", { name: "Your answer" }).fill("Listen to the client first.");
  await second.getByRole("button", { name: "Compare with the model answer" }).click();
  await expect(second.getByText("Model answer", { exact: true })).toBeVisible();
  await expectAccessible(second, "academy/return-to-activity-freed");
  await expect(dialog(page)).toHaveCount(0);
});

test("closing the tab while the video plays keeps what was watched (pagehide, keepalive)", async ({
  page,
  request,
  context,
}) => {
  test.setTimeout(60_000);
  const { lessonIds } = await basicLearner(page, request);
  await page.goto(`/academy/lessons/${lessonIds[0]}`);
  await expect(page.getByRole("heading", { level: 1, name: "1.1 Lesson 1.1" })).toBeVisible();
  const video = await startClip(page);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(2);
  // No pause, no end: the only save left is the one sent while the page goes away.
  await page.close({ runBeforeUnload: true });
  const other = await context.newPage();
  await expect
    .poll(async () => {
      const lesson = await (await other.request.get(`/api/academy/lessons/${lessonIds[0]}`)).json();
      const watched = lesson.progress.find((p: { watched: number[][] }) => p.watched.length > 0);
      return watched ? watched.watched[0][1] : 0;
    })
    .toBeGreaterThan(1.5);
  // Resumable on any device: the position comes from the server.
  const lesson = await (await other.request.get(`/api/academy/lessons/${lessonIds[0]}`)).json();
  expect(lesson.progress[0].position).toBeGreaterThan(1.5);
});
