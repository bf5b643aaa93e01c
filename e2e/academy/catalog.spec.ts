import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/accessibility.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * The catalog on the fixture program "mini" (imported at start from CONTENT_DIR): a platform admin gives
 * a learner the Basic plan on the Academy admin page; the learner then sees Level 1 open and Level 2
 * locked with the plans that open it, and a module page with lessons, workbooks, scenario, test and tools.
 */

test("an admin gives a learner the Basic plan; the catalog opens Level 1 and says which plans open Level 2", async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const learner = newPerson("Catalog");
  await createConfirmedAccount(request, learner);
  await signInViaApi(page, learner.email, learner.password);

  await test.step("without a plan every level is locked", async () => {
    await page.goto("/academy");
    await expect(page.getByRole("heading", { level: 1, name: "Academy" })).toBeVisible();
    await expect(page.getByText("You hold no plan yet, so levels stay locked.")).toBeVisible();
    const mini = page.getByRole("region", { name: "Mini Program" });
    await expect(mini.getByText("Opens with the CCSMP Basic, CCSMP Scholar or CCSMP Full membership.")).toBeVisible();
  });

  await test.step("the admin finds the learner by email and adds the Basic plan", async () => {
    const adminContext = await browser.newContext({ baseURL: E2E_BASE_URL });
    const admin = await adminContext.newPage();
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto("/admin/academy");
    await expect(admin.getByRole("heading", { level: 1, name: "Academy admin" })).toBeVisible();
    await admin.getByLabel("Find a person by email").fill(learner.email);
    const row = admin.getByRole("row").filter({ hasText: learner.email });
    await expect(row).toBeVisible();
    await row.getByRole("combobox", { name: `Plan for ${learner.email}` }).click();
    await admin.getByRole("option", { name: "CCSMP Basic (Level 1)" }).click();
    await row.getByRole("button", { name: "Add plan" }).click();
    await expect(row.getByText("CCSMP Basic", { exact: true })).toBeVisible();
    await expectAccessible(admin, "academy/catalog-admin-plans");
    await adminContext.close();
  });

  await test.step("the learner sees Level 1 open and Level 2 locked with its plans", async () => {
    await page.goto("/academy");
    await expect(page.getByText("CCSMP Basic", { exact: true })).toBeVisible();
    await expectAccessible(page, "academy/catalog-home");
    await page.getByRole("region", { name: "Mini Program" }).getByRole("link", { name: "Open Mini Program" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mini Program" })).toBeVisible();
    const level1 = page.getByRole("region", { name: "Level 1: Foundations" });
    const level2 = page.getByRole("region", { name: "Level 2: Exams" });
    await expect(level1.getByRole("progressbar", { name: "Level 1: Not started" })).toHaveAttribute(
      "aria-valuenow",
      "0",
    );
    await expect(level1.getByRole("link", { name: "Module 1: Module 1" })).toBeVisible();
    await expect(level1.getByText("2 lessons")).toHaveCount(2);
    await expect(level2.getByText("Locked", { exact: true })).toBeVisible();
    await expect(level2.getByText("Opens with the CCSMP Scholar or CCSMP Full membership.")).toBeVisible();
    await expect(level2.getByRole("link", { name: "Exam A" })).toHaveCount(0);
    await expectAccessible(page, "academy/catalog-program");
  });

  await test.step("the module page lists lessons, workbooks, the scenario, the test and tools", async () => {
    await page.getByRole("link", { name: "Module 1: Module 1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Module 1: Module 1" })).toBeVisible();
    const lessons = page.getByRole("region", { name: "Lessons" });
    await expect(lessons.getByRole("link", { name: "Lesson 1.1" })).toHaveAttribute("href", /\/academy\/lessons\//);
    await expect(lessons.getByText("Topic A")).toBeVisible();
    await expect(page.getByRole("region", { name: "Module 1 test" })).toContainText("Not attempted yet.");
    await expect(page.getByRole("link", { name: "Take the test" })).toHaveAttribute("href", /\/academy\/assessments\//);
    await expect(
      page.getByRole("region", { name: "Workbooks" }).getByRole("link", { name: "Workbook" }),
    ).toHaveAttribute("href", "/downloads/mini-workbook.md");
    await expect(page.getByRole("region", { name: "Tools" }).getByRole("link", { name: "Mini tool" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Scenario exercise" })).toContainText("Scenario (lesson 1.2)");
    const download = await page.request.get("/downloads/mini-workbook.md");
    expect(download.status()).toBe(200);
    await expectAccessible(page, "academy/catalog-module");
  });
});

test("an admin edits item titles, a reading with a preview and a bank question, then exports the program as YAML", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/academy");
  const mini = page.getByRole("region", { name: "Mini Program" });
  await mini.getByRole("button", { name: "Level 1: Foundations" }).click();
  await mini.getByRole("link", { name: "Module 2: Module 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Module 2: Module 2" })).toBeVisible();

  const stamp = `Edited in the browser ${Date.now()}`;
  const videoTitle = `Welcome clip ${stamp}`;
  await page.getByRole("button", { name: "2.1 Lesson 2.1" }).click();
  const video = page.getByRole("form", { name: "Edit video: Intro video" });
  await video.getByRole("textbox", { name: "Video title" }).fill("   ");
  await video.getByRole("button", { name: "Save video" }).click();
  // The server's field-level reason, on the field.
  await expect(video.getByText("Is required", { exact: true })).toBeVisible();
  await expect(video.getByRole("textbox", { name: "Video title" })).toHaveAttribute("aria-invalid", "true");
  await video.getByRole("textbox", { name: "Video title" }).fill(videoTitle);
  await video.getByRole("button", { name: "Save video" }).click();
  await expect(page.getByRole("form", { name: `Edit video: ${videoTitle}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save video" })).toBeDisabled();
  await expect(page.getByRole("textbox", { name: "Knowledge check title" })).toHaveValue("Check");

  await page.getByRole("button", { name: "2.2 Lesson 2.2" }).click();
  const workbookTitle = `Renewal workbook ${stamp}`;
  await page.getByRole("textbox", { name: "Workbook title" }).fill(workbookTitle);
  await page.getByRole("button", { name: "Save workbook" }).click();
  await expect(page.getByRole("button", { name: "Save workbook" })).toBeDisabled();
  const reading = page.getByRole("textbox", { name: "Reading: Reading" });
  await reading.fill(`## ${stamp}\n\nA **bold** point.`);
  await page
    .getByRole("tablist", { name: "Reading: Reading: write or preview" })
    .getByRole("tab", { name: "Preview" })
    .click();
  const preview = page.getByLabel("Reading: Reading preview");
  await expect(preview.getByRole("heading", { level: 2, name: stamp })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("bold");
  await page.getByRole("button", { name: "Save reading" }).click();
  await expect(page.getByRole("button", { name: "Save reading" })).toBeDisabled();

  const bank = page.getByRole("region", { name: "Question bank" });
  const add = bank.getByRole("form", { name: "Add question" });
  await add.getByRole("textbox", { name: "Question" }).fill("Which renewal signal matters most?");
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(add.getByText("Mark at least one correct choice", { exact: true })).toBeVisible();
  await add.getByRole("textbox", { name: "Choice A", exact: true }).fill("This one");
  await add.getByRole("textbox", { name: "Choice B", exact: true }).fill("Not this one");
  await add.getByRole("textbox", { name: "Choice C", exact: true }).fill("Nor this");
  await add.getByRole("textbox", { name: "Choice D", exact: true }).fill("Nor that");
  await add.getByRole("checkbox", { name: "Choice A is correct" }).check();
  await add.getByRole("button", { name: "Add question" }).click();
  await expect(bank.getByText("Which renewal signal matters most?")).toBeVisible();
  await expectAccessible(page, "academy/catalog-admin-module");

  // The titles are stored: a fresh load of the page shows them.
  await page.reload();
  await page.getByRole("button", { name: "2.1 Lesson 2.1" }).click();
  await expect(page.getByRole("textbox", { name: "Video title" })).toHaveValue(videoTitle);
  await page.getByRole("button", { name: "2.2 Lesson 2.2" }).click();
  await expect(page.getByRole("textbox", { name: "Workbook title" })).toHaveValue(workbookTitle);
  await page.screenshot({ path: ".tmp/screens/academy/catalog-admin-item-titles.png", fullPage: true });

  await page.goto("/admin/academy");
  await expect(page.getByRole("region", { name: "Mini Program" }).getByText(/Edited in the app on/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("region", { name: "Mini Program" }).getByRole("link", { name: "Export YAML" }).click();
  const yaml = readFileSync((await (await download).path()) as string, "utf8");
  expect(yaml).toContain("format: pulse-academy-program/1");
  expect(yaml).toContain(stamp);
  expect(yaml).toContain("Which renewal signal matters most?");
  expect(yaml).toContain(`title: ${videoTitle}`);
  expect(yaml).toContain(`title: ${workbookTitle}`);
});
