import { expect, test } from "@playwright/test";
import { bothWidths, cpdLearner } from "./cpd-dashboard-support.js";

/** Component 5: a learner logs external CPD; the form shows the server's field errors first. */
test("a CPD learner submits a self-certification after fixing the field errors", async ({ page, request }) => {
  test.setTimeout(120_000);
  await cpdLearner(page, request, "cpd", "SelfCert");
  await page.goto("/cpd/self-certification");
  await expect(page.getByRole("heading", { level: 1, name: "CPD self certification" })).toBeVisible();
  await bothWidths(page, "self-cert-empty");

  const form = page.getByRole("form", { name: "CPD self certification" });
  await test.step("field errors first", async () => {
    await form.getByRole("button", { name: "Add to my CPD record" }).click();
    await expect(form.getByText("Must be one of book, course")).toBeVisible();
    await expect(form.getByText("Is required").first()).toBeVisible();
    await form.getByLabel("Title or description").fill("The Customer Success Economy");
    await form.getByLabel("Publisher / provider").fill("Wiley");
    await form.getByLabel("Content type").click();
    await page.getByRole("option", { name: "Book" }).click();
    await form.getByLabel("Date completed").fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Add to my CPD record" }).click();
    await expect(form.getByText("Must not be in the future")).toBeVisible();
    await expect(form.getByText("The duration must be above zero")).toBeVisible();
    await expect(form.getByText(/Must be confirmed/)).toBeVisible();
    await bothWidths(page, "self-cert-errors");
  });

  await test.step("a valid submission counts at once", async () => {
    await form.getByRole("textbox", { name: "Hours" }).fill("6");
    await form.getByRole("textbox", { name: "Minutes" }).fill("30");
    await form.getByLabel("Date completed").fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole("checkbox").check();
    await form.locator('input[type="file"]').setInputFiles({
      name: "receipt.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% receipt\n"),
    });
    await form.getByRole("button", { name: "Add to my CPD record" }).click();
    await expect(page.getByText("6h 30m added to your CPD record.")).toBeVisible();
    const row = page.getByRole("row", { name: /The Customer Success Economy/ });
    await expect(row).toContainText("receipt.pdf");
    await bothWidths(page, "self-cert-done");
  });

  await test.step("the dashboard shows it as External CPD", async () => {
    await page.goto("/cpd");
    await page.getByRole("radiogroup", { name: "Period" }).getByText("Year", { exact: true }).click();
    await expect(page.getByTestId("cpd-time-totals")).toContainText("External CPD: 6h 30m");
    await expect(page.getByRole("row", { name: /The Customer Success Economy/ })).toBeVisible();
    await bothWidths(page, "dashboard-self-cert");
  });
});
