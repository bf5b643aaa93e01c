import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/accessibility.js";
import { type Credentials, createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";
import { waitForMail } from "../support/mailbox.js";

/**
 * Team licenses in test mode: an organization admin asks for a quote for 5 seats of CCSMP Basic and accepts
 * it with a PO number (an invoice is issued), staff record the payment on their Team licenses page, the
 * admin assigns a seat to a member, and that member opens Level 1 of the mini program. Every page passes axe
 * and is screenshot at 1280 and 390 px wide (.tmp/screens/billing/).
 */
const headers = { origin: E2E_BASE_URL };

async function screens(page: Page, name: string) {
  await expectAccessible(page, `billing/${name}-1280`, { waitForHeading: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `billing/${name}-390`, { waitForHeading: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function personIn(browser: Browser, person: Credentials) {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await createConfirmedAccount(page.request, person);
  await signInViaApi(page, person.email, person.password);
  return page;
}

test("an org admin buys 5 seats by PO, staff record the payment, the admin assigns a seat and the member opens the levels", async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const owner = newPerson("LicenseAdmin");
  await createConfirmedAccount(request, owner);
  await signInViaApi(page, owner.email, owner.password);
  const org = await (
    await page.request.post("/api/organizations", { data: { name: `Licenses ${Date.now()}` }, headers })
  ).json();
  await page.request.post("/api/me/active-organization", { data: { organizationId: org.id }, headers });
  const member = newPerson("SeatHolder");
  const memberPage = await personIn(browser, member);
  const invitedAt = new Date(Date.now() - 1000);
  await page.request.post(`/api/organizations/${org.id}/invitations`, {
    data: { email: member.email, role: "member" },
    headers,
  });
  const mail = await waitForMail(member.email, /invited you/i, { after: invitedAt });
  const token = decodeURIComponent(new URL(mail.link).pathname.split("/").pop() ?? "");
  expect((await memberPage.request.post("/api/invitations/accept", { data: { token }, headers })).status()).toBe(200);
  await memberPage.request.post("/api/me/active-organization", { data: { organizationId: org.id }, headers });

  await test.step("the admin asks for a quote for 5 seats and accepts it with a PO number", async () => {
    await page.goto("/organization/licenses");
    await expect(page.getByRole("heading", { level: 1, name: "Licenses" })).toBeVisible();
    await page.getByRole("combobox", { name: "Plan" }).click();
    await page.getByRole("option", { name: /^CCSMP Basic/ }).click();
    await page.getByRole("textbox", { name: "Seats" }).fill("5");
    await page.getByRole("button", { name: "Get quote" }).click();
    await expect(page.getByText(/5 × CCSMP Basic, 12 months/)).toBeVisible();
    await screens(page, "licenses-quote");
    await page.getByRole("textbox", { name: "Purchase order number" }).fill("PO-E2E-55");
    await page.getByRole("button", { name: "Accept with PO" }).click();
    await expect(page.getByText("Awaiting payment")).toBeVisible();
    await screens(page, "licenses-invoiced");
  });

  await test.step("staff record the payment on Team licenses", async () => {
    const staff = await browser.newContext({ baseURL: E2E_BASE_URL });
    const staffPage = await staff.newPage();
    await signInViaApi(staffPage, ADMIN.email, ADMIN.password);
    await staffPage.goto("/admin/billing/licenses");
    await expect(staffPage.getByRole("heading", { level: 1, name: "Team licenses" })).toBeVisible();
    const row = staffPage.getByRole("row").filter({ hasText: "PO-E2E-55" });
    await row.getByRole("button", { name: /Record payment/ }).click();
    await expect(row).toContainText("Paid");
    await screens(staffPage, "staff-licenses");
    await staff.close();
  });

  await test.step("the admin assigns a seat to the member", async () => {
    await page.reload();
    await expect(page.getByText(/0 of 5 seats assigned/)).toBeVisible();
    await page.getByRole("textbox", { name: "Member or invited email" }).fill(member.email);
    await page.getByRole("button", { name: "Assign seat" }).click();
    await expect(page.getByText(/1 of 5 seats assigned/)).toBeVisible();
    await screens(page, "licenses-seats");
  });

  await test.step("the member opens Level 1 of the mini program", async () => {
    await memberPage.goto("/academy");
    await memberPage
      .getByRole("region", { name: "Mini Program" })
      .getByRole("link", { name: "Open Mini Program" })
      .click();
    const level1 = memberPage.getByRole("region", { name: "Level 1: Foundations" });
    await expect(level1.getByRole("link", { name: "Module 1: Module 1" })).toBeVisible();
  });
});
