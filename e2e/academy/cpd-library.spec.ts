import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { grantPlan } from "../support/academy.js";
import { expectAccessible } from "../support/accessibility.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";

/**
 * CPD Library and Paths on the demo catalog (content/cpd, imported at start): a CCSMP Full learner finds a
 * library item by keyword, completes it and sees its minutes in the CPD record; enrols in a path and
 * launches it at the next step. Axe and screenshots at 1280 and 390 px on every page (.tmp/screens/cpd/).
 */

async function fullLearner(page: Page, request: APIRequestContext) {
  const person = newPerson("Cpd");
  await createConfirmedAccount(request, person);
  await signInViaApi(page, person.email, person.password);
  const me = await (await page.request.get("/api/me")).json();
  await grantPlan(request, me.user.id, "full");
}

async function bothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, `cpd/${name}-1280`, { waitForHeading: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `cpd/${name}-390`, { waitForHeading: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a Full learner finds a library item by keyword, completes it and sees its minutes in the CPD record", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await fullLearner(page, request);

  await test.step("search by keyword: ranked, highlighted, with facets and a demo notice", async () => {
    await page.goto("/cpd/library");
    await expect(page.getByRole("heading", { level: 1, name: "CPD Library" })).toBeVisible();
    await expect(page.getByText("Demo content", { exact: true })).toBeVisible();
    await page.getByLabel("Search the library").fill("segmenting outcomes");
    await page.getByRole("button", { name: "Search" }).click();
    const first = page.getByRole("article").first();
    await expect(first.getByRole("link", { name: "Segmenting Customers by the Outcomes They Need" })).toBeVisible();
    await expect(first.locator("mark").first()).toHaveText("Segmenting");
    await expect(page.getByRole("group", { name: "Format" }).getByRole("button", { name: /Article/ })).toBeVisible();
    await bothWidths(page, "library-search");
  });

  await test.step("a misspelt search offers a did-you-mean", async () => {
    await page.getByLabel("Search the library").fill("onbording");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: "onboarding" }).click();
    await expect(page.getByRole("article").first()).toBeVisible();
    await expect(page.getByText(/items for “onboarding”/)).toBeVisible();
  });

  await test.step("open the article, confirm it and add it to the CPD record", async () => {
    await page.getByLabel("Search the library").fill("segmenting outcomes");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Segmenting Customers by the Outcomes They Need" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Segmenting Customers by the Outcomes They Need" }),
    ).toBeVisible();
    await bothWidths(page, "library-item");
    await page.getByLabel("I have read this item").check();
    await page.getByRole("button", { name: "Add to my CPD record" }).click();
    await expect(page.getByRole("status").filter({ hasText: "added to your CPD record" })).toBeVisible();
  });

  await test.step("the minutes are in the CPD record as CPD Library time", async () => {
    const item = await (await page.request.get("/api/academy/cpd/library?q=segmenting%20outcomes")).json();
    const minutes = item.items[0].durationMinutes as number;
    const dashboard = await (await page.request.get("/api/academy/cpd/dashboard")).json();
    expect(dashboard.time.library).toBe(minutes);
    expect(dashboard.time.total).toBe(minutes);
  });
});

test("a Full learner enrols in a CPD path and the launch button continues at the next step", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await fullLearner(page, request);

  await page.goto("/cpd/paths");
  await expect(page.getByRole("heading", { level: 1, name: "CPD Paths" })).toBeVisible();
  const scaling = page.getByRole("article").filter({ hasText: "Scaling Customer Success" });
  await expect(scaling.getByText("Contents: Articles (2), Videos (4), TOTAL (6) · Duration: 1h 56m")).toBeVisible();
  await expect(page.getByText("88 CPD Items / 47h 49m")).toBeVisible();
  await bothWidths(page, "paths");

  await scaling.getByRole("link", { name: "Scaling Customer Success" }).click();
  await page.getByRole("button", { name: "Enrol in this path" }).click();
  await expect(page.getByText("Not Started", { exact: true })).toBeVisible();
  await expect(page.getByText("0 of 6 steps · 0%")).toBeVisible();
  await bothWidths(page, "path");

  await page.getByRole("link", { name: /^Start/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Why Scale Customer Success? A Primer" })).toBeVisible();
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
  await page.getByLabel("I have read this item").check();
  await page.getByRole("button", { name: "Add to my CPD record" }).click();
  await expect(page.getByRole("status").filter({ hasText: "as CPD Paths time" })).toBeVisible();
  await page.getByRole("link", { name: /^Next step: Segmenting Customers/ }).click();
  await expect(page.getByText("Step 2 of 6")).toBeVisible();

  await page.getByRole("link", { name: "← Scaling Customer Success" }).click();
  await expect(page.getByText("In Progress", { exact: true })).toBeVisible();
  await expect(page.getByText("1 of 6 steps · 16%")).toBeVisible();
  await page.getByRole("link", { name: /^Continue/ }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Segmenting Customers by the Outcomes They Need" }),
  ).toBeVisible();
});
