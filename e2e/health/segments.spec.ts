import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/** Seed 001's example: "Severe Risk" clients renewing next quarter, saved as a segment and exported as CSV. */
const headers = { origin: E2E_BASE_URL };

/** A day inside the next calendar quarter (the organization's fiscal year starts in January by default). */
function dayInNextQuarter(): string {
  const now = new Date();
  const nextQuarterMonth = Math.floor(now.getUTCMonth() / 3) * 3 + 3;
  return new Date(Date.UTC(now.getUTCFullYear(), nextQuarterMonth, 10)).toISOString().slice(0, 10);
}

async function clientWithPulse(request: APIRequestContext, base: string, name: string, renewal: string, level: string) {
  const client = await (
    await request.post(`${base}/clients`, { data: { name, arrMinor: 5_000_000, nextRenewalDate: renewal }, headers })
  ).json();
  const pulse = await request.post(`${base}/clients/${client.id}/pulses`, { data: { level }, headers });
  expect(pulse.status(), await pulse.text()).toBe(201);
}

test("build 'Severe Risk, renewing next quarter', save it and export it as CSV", async ({ page }) => {
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  const org = await (
    await page.request.post("/api/organizations", { data: { name: `Segments E2E ${Date.now()}` }, headers })
  ).json();
  const base = `/api/organizations/${org.id}`;
  const farAway = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
  await clientWithPulse(page.request, base, "=Churn Corp", dayInNextQuarter(), "severe_risk");
  await clientWithPulse(page.request, base, "Later Ltd", farAway, "severe_risk");
  await clientWithPulse(page.request, base, "Happy Inc", dayInNextQuarter(), "satisfied");

  await page.goto("/pulse/segments");
  await page.getByRole("combobox", { name: "Pulse", exact: true }).click({ force: true });
  await page.getByRole("option", { name: "Severe Risk" }).click();
  await page.keyboard.press("Escape");
  await page
    .locator("label")
    .filter({ hasText: /^Quarter$/ })
    .click();
  // Choosing "Quarter" starts with the next quarter.
  await expect(page.getByRole("combobox", { name: "Quarter", exact: true })).toHaveValue("Next quarter");

  const table = page.getByRole("table");
  await expect(table.getByText("=Churn Corp")).toBeVisible();
  await expect(table.getByText("Later Ltd")).toHaveCount(0);
  await expect(table.getByText("Happy Inc")).toHaveCount(0);
  await expect(page).toHaveURL(/next_quarter/);

  await page.getByRole("button", { name: "Save segment" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Name" }).fill("Severe Risk, renewing next quarter");
  await dialog.getByRole("switch", { name: /Share with the organization/ }).check({ force: true });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Severe Risk, renewing next quarter" })).toBeVisible();
  await page.screenshot({ path: ".tmp/screens/health/segment-saved.png", fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await download).path()) as string, "utf8");
  expect(csv).toContain("'=Churn Corp"); // a formula-looking value is escaped for spreadsheets
  expect(csv).not.toContain("Later Ltd");
  expect(csv).not.toContain("Happy Inc");
});
