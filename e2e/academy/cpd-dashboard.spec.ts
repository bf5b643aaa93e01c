import { expect, test } from "@playwright/test";
import { awardLevel, bothWidths, cpdLearner } from "./cpd-dashboard-support.js";

const plusMonths = (months: number) => {
  const d = new Date();
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(Math.min(day, new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()));
  return d;
};
const shown = (d: Date) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(d);

/** Component 6: a Level 4 holder crosses 40 h of CPD and sees the certification's new expiry date. */
test("a Level 4 holder crosses 40 hours and sees the new expiry date", async ({ page, request }) => {
  test.setTimeout(120_000);
  const learner = await cpdLearner(page, request, "full", "Holder");
  await awardLevel(request, learner.userId, "ccsmp.l4");

  await page.goto("/cpd");
  await expect(page.getByRole("heading", { level: 1, name: "CPD dashboard" })).toBeVisible();
  await expect(page.getByTestId("recert-expires")).toHaveText(shown(plusMonths(12)));
  await expect(page.getByTestId("recert-hours-remaining")).toHaveText("40h 0m");
  await bothWidths(page, "dashboard-before");

  await page.goto("/cpd/self-certification");
  const form = page.getByRole("form", { name: "CPD self certification" });
  await form.getByLabel("Content type").click();
  await page.getByRole("option", { name: "Course" }).click();
  await form.getByLabel("Title or description").fill("Advanced Customer Success Leadership");
  await form.getByLabel("Publisher / provider").fill("Practical CSM");
  await form.getByRole("textbox", { name: "Hours" }).fill("40");
  await form.getByRole("textbox", { name: "Minutes" }).fill("0");
  await form.getByLabel("Date completed").fill(new Date().toISOString().slice(0, 10));
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Add to my CPD record" }).click();
  await expect(page.getByText("40h 0m added to your CPD record.")).toBeVisible();

  await page.goto("/cpd");
  await expect(page.getByTestId("recert-expires")).toHaveText(shown(plusMonths(24)));
  await expect(page.getByTestId("recert-hours-remaining")).toHaveText("0m");
  await expect(page.getByText(/This cycle's hours are met/)).toBeVisible();
  await bothWidths(page, "dashboard-after");

  await test.step("the credential itself is renewed (re-signed with the new validUntil)", async () => {
    await expect
      .poll(async () => {
        const { credentials } = await (await page.request.get("/api/me/credentials")).json();
        const cert = credentials.find((c: { kind: string }) => c.kind === "certification");
        return cert?.validUntil?.slice(0, 10);
      })
      .toBe(plusMonths(24).toISOString().slice(0, 10));
  });
});
