import { expect, test } from "@playwright/test";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";
import { waitForMail } from "../support/mailbox.js";

/**
 * Issue 5's alert journey: a CSM sets a client to High Risk with a reason, and the CSM's manager sees
 * the alert (bell, alerts page, email) and claims it.
 */
const headers = { origin: E2E_BASE_URL };

test("the manager sees and claims the alert when a client drops to High Risk", async ({ page, browser }) => {
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  const me = await (await page.request.get("/api/me")).json();
  const org = await (
    await page.request.post("/api/organizations", { data: { name: `Alerts E2E ${Date.now()}` }, headers })
  ).json();
  const base = `/api/organizations/${org.id}`;
  const client = await (
    await page.request.post(`${base}/clients`, {
      data: { name: "Tailspin Toys", clientType: "Enterprise", arrMinor: 9_000_000, assignedCsmId: me.user.id },
      headers,
    })
  ).json();

  // The manager joins through an invitation and becomes the CSM's manager.
  const manager = newPerson("Manager");
  const managerContext = await browser.newContext({ baseURL: E2E_BASE_URL });
  const managerPage = await managerContext.newPage();
  await createConfirmedAccount(managerPage.request, manager);
  const invitedAt = new Date(Date.now() - 1000);
  await page.request.post(`${base}/invitations`, { data: { email: manager.email, role: "manager" }, headers });
  const invitation = await waitForMail(manager.email, /invited you/i, { after: invitedAt });
  const token = decodeURIComponent(new URL(invitation.link).pathname.split("/").pop() ?? "");
  await signInViaApi(managerPage, manager.email, manager.password);
  const accepted = await managerPage.request.post("/api/invitations/accept", { data: { token }, headers });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const managerId = (await accepted.json()).user.id;
  const reports = await page.request.put(`${base}/members/${me.user.id}/manager`, {
    data: { managerUserId: managerId },
    headers,
  });
  expect(reports.status(), await reports.text()).toBe(200);

  await test.step("the CSM sets the pulse to High Risk with a reason", async () => {
    await page.goto(`/pulse/clients/${client.id}`);
    await page.getByRole("button", { name: "Set pulse" }).click();
    const dialog = page.getByRole("dialog", { name: "Set pulse for Tailspin Toys" });
    await dialog.getByRole("radio", { name: "High Risk" }).click();
    await dialog.getByRole("textbox", { name: "Note" }).fill("Champion left; budget under review.");
    await dialog.getByLabel("Reasons").click();
    await dialog.getByLabel("Reasons").fill("champion");
    await page.getByRole("option", { name: /Champion left/ }).click();
    await dialog.getByLabel("Reasons").press("Tab");
    await dialog.getByRole("button", { name: "Set pulse" }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step("the manager is told at once, in the app and by email", async () => {
    const mail = await waitForMail(manager.email, /Tailspin Toys/, { after: invitedAt });
    expect(mail.text).toMatch(/High Risk/);
    await managerPage.goto("/pulse/alerts");
    await expect(managerPage.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
    const claim = managerPage.getByRole("button", { name: "Claim the alert for Tailspin Toys" });
    await expect(async () => {
      await managerPage.reload();
      await expect(claim).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await expect(managerPage.getByRole("button", { name: /Notifications: 1 unread/ })).toBeVisible();
    await managerPage.screenshot({ path: ".tmp/screens/health/alerts-manager.png", fullPage: true });
    await claim.click();
    await expect(managerPage.getByText("No open alerts. Every risk alert has been claimed.")).toBeVisible();
    await managerPage.getByText("Claimed", { exact: true }).click();
    await expect(managerPage.getByText(`Claimed by ${manager.name}`)).toBeVisible();
  });
  await managerContext.close();
});
