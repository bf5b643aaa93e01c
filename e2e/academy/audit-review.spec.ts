import { expect, test } from "@playwright/test";
import { signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";
import { bothWidths, cpdLearner } from "./cpd-dashboard-support.js";

/** Component 5: staff draw an audit sample and reject a self-certification; its hours leave the record. */
test("staff review a CPD audit", async ({ page, request, browser }) => {
  test.setTimeout(120_000);
  const learner = await cpdLearner(page, request, "cpd", "Audited");
  const today = new Date().toISOString().slice(0, 10);
  const submitted = await page.request.post("/api/academy/cpd/self-certifications", {
    data: {
      contentType: "podcast",
      title: "CS Debates episode 4",
      provider: "Practical CSM",
      hours: 2,
      minutes: 0,
      completedOn: today,
      consent: true,
    },
    headers: { origin: E2E_BASE_URL },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);

  const staff = await (await browser.newContext()).newPage();
  await signInViaApi(staff, ADMIN.email, ADMIN.password);
  await staff.goto("/admin/academy/cpd/audits");
  await expect(staff.getByRole("heading", { level: 1, name: "CPD audits" })).toBeVisible();
  const drawForm = staff.getByRole("form", { name: "Draw an audit sample" });
  await drawForm.getByLabel("Completed from").fill(today);
  await drawForm.getByLabel("Completed to").fill("2000-01-01");
  await drawForm.getByRole("button", { name: "Draw sample" }).click();
  await expect(drawForm.getByText(/Must be at least from/)).toBeVisible();
  await drawForm.getByLabel("Completed to").fill(today);
  await drawForm.getByLabel("Rate %").fill("100");
  await drawForm.getByRole("button", { name: "Draw sample" }).click();
  await expect(staff.getByText(/^Drew \d+ of \d+/)).toBeVisible();

  const row = staff.getByRole("row", { name: new RegExp(learner.email) });
  await expect(row).toContainText("Requested");
  await bothWidths(staff, "audits");
  await row.getByRole("button", { name: "Reject" }).click();
  await expect(row.getByText("Reason: Is required")).toBeVisible();
  await row.getByLabel(/Reason for/).fill("No evidence of attendance");
  await row.getByRole("button", { name: "Reject" }).click();
  await expect(row).toContainText("Rejected");
  await expect(row).toContainText("requested → rejected");
  await bothWidths(staff, "audits-decided");

  await page.goto("/cpd/self-certification");
  await expect(page.getByRole("row", { name: /CS Debates episode 4/ })).toContainText("Audit rejected");
  const dashboard = await (await page.request.get("/api/academy/cpd/dashboard")).json();
  expect(dashboard.activity.items.find((i: { title: string }) => i.title.startsWith("CS Debates"))?.reversed).toBe(
    true,
  );
});
