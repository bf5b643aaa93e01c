import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/accessibility.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";
import { waitForMail } from "../support/mailbox.js";

/**
 * Billing in test mode (the e2e server has no Stripe keys): a new learner chooses CCSMP Basic, completes the
 * test checkout (no card, no money) and opens Level 1 of the mini program at once; cancels in My Profile,
 * keeps access, resumes; a staff test clock runs the renewal job 30 days before the renewal and the
 * reminder arrives with a link straight to the cancel page. Every page passes axe and is screenshot at
 * 1280 and 390 px wide (.tmp/screens/billing/).
 */
const headers = { origin: E2E_BASE_URL };

async function screens(page: Page, name: string) {
  await expectAccessible(page, `billing/${name}-1280`, { waitForHeading: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `billing/${name}-390`, { waitForHeading: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a new learner subscribes, opens Level 1 at once, cancels, keeps access, resumes, and gets the 30-day reminder", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const learner = newPerson("Subscriber");
  await createConfirmedAccount(request, learner);
  await signInViaApi(page, learner.email, learner.password);

  await test.step("the academy offers Choose a plan; the plans page shows Pulse+ at $900.00 a year", async () => {
    await page.goto("/academy");
    await page.getByRole("link", { name: "Choose a plan" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Choose a plan" })).toBeVisible();
    await expect(page.getByText("Test mode: no money moves")).toBeVisible();
    const pulsePlus = page.getByRole("article", { name: "Pulse+" });
    await expect(pulsePlus).toContainText("$900.00");
    await expect(pulsePlus).toContainText("per person per year");
    await screens(page, "plans");
  });

  await test.step("the test checkout completes without a card and opens the billing page", async () => {
    await page
      .getByRole("article", { name: "CCSMP Basic" })
      .getByRole("button", { name: "Choose CCSMP Basic" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Test checkout" })).toBeVisible();
    await expect(page.getByText("Test mode: no money moves")).toBeVisible();
    await screens(page, "test-checkout");
    await page.getByRole("button", { name: "Complete test payment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
    await expect(page.getByText("You are subscribed")).toBeVisible();
    const sub = page.getByRole("region", { name: "Subscription" });
    await expect(sub).toContainText("CCSMP Basic");
    await expect(sub.getByTestId("subscription-state")).toHaveText("Active");
    await expect(sub).toContainText("Test card ending 4242 (test card, no money moved)");
    await expect(sub).toContainText("$290.00 for one year");
    const receipts = page.getByRole("region", { name: "Receipts and invoices" });
    await expect(receipts.getByRole("link", { name: /Receipt PUL-\d{6} \(PDF\)/ })).toBeVisible();
    await screens(page, "billing-active");
    const mail = await waitForMail(learner.email, /subscription is active/);
    expect(mail.text).toContain("no money moved");
  });

  await test.step("Level 1 of the mini program is open at once", async () => {
    await page.goto("/academy");
    await page.getByRole("region", { name: "Mini Program" }).getByRole("link", { name: "Open Mini Program" }).click();
    const level1 = page.getByRole("region", { name: "Level 1: Foundations" });
    await expect(level1.getByRole("link", { name: "Module 1: Module 1" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Level 2: Exams" }).getByText("Locked", { exact: true }),
    ).toBeVisible();
  });

  await test.step("cancel in My Profile keeps access; resume undoes it", async () => {
    await page.goto("/profile");
    await page.getByRole("region", { name: "Billing" }).getByRole("link", { name: "Open billing" }).click();
    await page.getByRole("link", { name: "Cancel subscription" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cancel your subscription" })).toBeVisible();
    await screens(page, "cancel");
    await page.getByRole("button", { name: "Cancel subscription" }).click();
    const sub = page.getByRole("region", { name: "Subscription" });
    await expect(sub.getByTestId("subscription-state")).toHaveText("Ends at the period end");
    await expect(sub).toContainText("You keep access until");
    await screens(page, "billing-cancelled");
    await page.goto("/academy/modules/mini.m1");
    await expect(page.getByRole("region", { name: "Lessons" }).getByRole("link", { name: "Lesson 1.1" })).toBeVisible();
    await page.goto("/profile/billing");
    await page.getByRole("button", { name: "Resume subscription" }).click();
    await expect(sub.getByTestId("subscription-state")).toHaveText("Active");
  });

  await test.step("30 days before the renewal the reminder arrives with a link to the cancel page", async () => {
    const mine = await (await page.request.get("/api/me/subscription")).json();
    const renewsAt = new Date(mine.subscription.renewsAt as string);
    const asOf = new Date(renewsAt.getTime() - 30 * 86_400_000).toISOString();
    const login = await request.post("/api/auth/login", { data: ADMIN, headers });
    expect(login.status()).toBe(200);
    const run = await request.post("/api/admin/billing/renewals/run", { data: { asOf }, headers });
    expect(run.status(), await run.text()).toBe(200);
    const mail = await waitForMail(learner.email, /subscription renews on/);
    expect(mail.text).toContain("$290.00".replace("$", "USD "));
    expect(mail.link).toBe(`${E2E_BASE_URL}/profile/billing/cancel`);
    await page.goto(mail.link);
    await expect(page.getByRole("heading", { level: 1, name: "Cancel your subscription" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel subscription" })).toBeVisible();
  });
});
