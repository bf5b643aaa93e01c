import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * Seed 001's reports: open Current Pulse Health, switch to ARR, click a slice, see the narrowed list with
 * 90-day sparklines, reload the bookmarked URL; open Current Pulse Reasons, switch to the treemap, click
 * a reason and see the drilled-down list; export the list as CSV.
 */
test.use({ viewport: { width: 1440, height: 1000 } });

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

type Seeded = { id: string; name: string };

async function post<T>(request: APIRequestContext, origin: string, path: string, data: unknown): Promise<T> {
  const response = await request.post(path, { data, headers: { origin } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Five clients of three types with different ARR; four have pulses (with reasons), one has none. */
async function seedClients(request: APIRequestContext, origin: string, base: string) {
  const { reasonCodes } = (await (await request.get(`${base}/reason-codes`)).json()) as {
    reasonCodes: { id: string; code: string }[];
  };
  const reason = (code: string) => reasonCodes.find((r) => r.code === code)?.id as string;
  const clients: [string, string, number, [number, string, string[]][]][] = [
    // name, type, ARR in dollars, pulses (days ago, level, reason codes)
    [
      "Northwind Traders",
      "Enterprise",
      120_000,
      [
        [60, "satisfied", ["regular_cadence"]],
        [10, "high_risk", ["budget_cuts", "champion_left"]],
      ],
    ],
    ["Contoso Health", "Enterprise", 80_000, [[40, "severe_risk", ["budget_cuts", "churn_intent"]]]],
    ["Fabrikam Logistics", "Mid-market", 30_000, [[5, "very_satisfied", ["usage_growing"]]]],
    ["=SUM(1+1) Widgets", "SMB", 5_000, [[20, "satisfied", ["regular_cadence"]]]],
    ["Litware Labs", "SMB", 9_000, []],
  ];
  const seeded: Seeded[] = [];
  for (const [name, clientType, arr, pulses] of clients) {
    const client = await post<Seeded>(request, origin, `${base}/clients`, {
      name,
      clientType,
      arrMinor: arr * 100,
      mrrMinor: Math.round((arr * 100) / 12),
      acvMinor: arr * 100,
      nextRenewalDate: isoDay(30 + seeded.length * 45),
      clientSince: isoDay(-400),
      effectiveDate: isoDay(-120),
    });
    for (const [days, level, codes] of pulses) {
      await post(request, origin, `${base}/clients/${client.id}/pulses`, {
        level,
        note: `Seeded ${level}`,
        reasonCodeIds: codes.map(reason),
        effectiveAt: daysAgo(days),
      });
    }
    seeded.push(client);
  }
  return seeded;
}

/** Clicks inside a donut slice (found by its level's color, as the chart draws it): halfway between a point on its outer arc and one on its inner arc. */
async function clickSlice(page: Page, slice: Locator) {
  const point = await slice.evaluate((element) => {
    const path = element as SVGPathElement;
    const length = path.getTotalLength();
    const outer = path.getPointAtLength(length * 0.25);
    const inner = path.getPointAtLength(length * 0.75);
    const matrix = path.getScreenCTM() as DOMMatrix;
    const svgPoint = new DOMPoint((outer.x + inner.x) / 2, (outer.y + inner.y) / 2).matrixTransform(matrix);
    return { x: svgPoint.x, y: svgPoint.y };
  });
  await page.mouse.click(point.x, point.y);
}

/** A level's color as the report draws it (the "By pulse level" legend states it). */
const levelColor = (page: Page, label: string) =>
  page
    .getByRole("list", { name: "Pulse levels" })
    .getByRole("listitem")
    .filter({ hasText: label })
    .getAttribute("data-color");

const healthChart = (page: Page) => page.getByRole("img", { name: /^Pulse health by/ });
const clientRows = (page: Page) =>
  page
    .getByRole("region", { name: "Clients" })
    .getByRole("row")
    .filter({ has: page.getByRole("link") });

test("a manager reads the health and reasons reports, drills into a slice and a reason, and shares the view", async ({
  page,
}, testInfo) => {
  const origin = testInfo.project.use.baseURL ?? E2E_BASE_URL;
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  const org = await post<{ id: string }>(page.request, origin, "/api/organizations", {
    name: `Reports E2E ${Date.now()}`,
  });
  await seedClients(page.request, origin, `/api/organizations/${org.id}`);

  await test.step("Pulse > Reports opens Current Pulse Health", async () => {
    await page.goto("/pulse/clients");
    await page.getByRole("navigation", { name: "Pulse sections" }).getByRole("link", { name: "Reports" }).click();
    await expect(page).toHaveURL(/\/pulse\/reports\/health/);
    await expect(page.getByRole("heading", { level: 1, name: "Current Pulse Health" })).toBeVisible();
    // Satisfied: Fabrikam and =SUM; Risk: Northwind and Contoso (Litware has no pulse yet).
    await expect(page.getByRole("region", { name: "Satisfied" })).toContainText("50%");
    await expect(page.getByRole("region", { name: "Risk" })).toContainText("2 clients");
    await expect(clientRows(page)).toHaveCount(5);
  });

  await test.step("switch the measure to ARR", async () => {
    await page.getByRole("radiogroup", { name: "Measure" }).getByText("ARR", { exact: true }).click();
    await expect(page).toHaveURL(/measure=arr/);
    // Risk is $200,000 of the $235,000 with a pulse.
    await expect(page.getByRole("region", { name: "Risk" })).toContainText("$200,000 ARR");
    await expect(page.getByRole("region", { name: "Risk" })).toContainText("85.1%");
    await expect(healthChart(page)).toHaveAttribute("aria-label", /High Risk \$120,000/);
  });

  await test.step("click the High Risk slice: the list narrows to it, with sparklines", async () => {
    await clickSlice(
      page,
      healthChart(page)
        .locator(`path[fill="${await levelColor(page, "High Risk")}"]`)
        .first(),
    );
    await expect(page).toHaveURL(/levels=high_risk/);
    await expect(page.getByRole("button", { name: /Show every pulse level/ })).toBeVisible();
    await expect(clientRows(page)).toHaveCount(1);
    const row = clientRows(page).first();
    await expect(row.getByRole("link", { name: "Northwind Traders" })).toBeVisible();
    await expect(
      row.getByRole("img", { name: /90-day pulse trend for Northwind Traders: Satisfied to High Risk/ }),
    ).toBeVisible();
  });

  await test.step("the bookmarked URL reopens the same view", async () => {
    const bookmarked = page.url();
    await page.reload();
    expect(page.url()).toBe(bookmarked);
    await expect(page.getByRole("radiogroup", { name: "Measure" }).getByRole("radio", { name: "ARR" })).toBeChecked();
    await expect(page.getByRole("button", { name: /Show every pulse level/ })).toBeVisible();
    await expect(clientRows(page)).toHaveCount(1);
    await expect(
      clientRows(page)
        .first()
        .getByRole("img", { name: /90-day pulse trend/ }),
    ).toBeVisible();
  });

  await test.step("a bar of the bar chart narrows the list too; Back returns to the slice", async () => {
    await page.getByRole("radiogroup", { name: "Chart type" }).getByText("Bar", { exact: true }).click();
    await expect(page).toHaveURL(/chart=bar/);
    await healthChart(page)
      .locator(`path[fill="${await levelColor(page, "Severe Risk")}"]`)
      .first()
      .click();
    await expect(page).toHaveURL(/levels=severe_risk/);
    await expect(clientRows(page)).toHaveCount(1);
    await expect(clientRows(page).first().getByRole("link", { name: "Contoso Health" })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/levels=high_risk/);
    await expect(clientRows(page).first().getByRole("link", { name: "Northwind Traders" })).toBeVisible();
    await page.getByRole("button", { name: /Show every pulse level/ }).click();
    await expect(page).not.toHaveURL(/levels=/);
    await expect(clientRows(page)).toHaveCount(5);
    const renewal = page.getByRole("region", { name: "Clients" }).getByRole("columnheader", { name: "Next renewal" });
    await renewal.getByRole("button").click();
    await expect(page).toHaveURL(/sort=renewal/);
    await expect(renewal).toHaveAttribute("aria-sort", "ascending");
    await expect(clientRows(page).first().getByRole("link")).toHaveText("Northwind Traders");
    await renewal.getByRole("button").click();
    await expect(page).toHaveURL(/sort=-renewal/);
    await expect(clientRows(page).first().getByRole("link")).toHaveText("Litware Labs");
  });

  await test.step("Export CSV downloads the filtered list, formulas defused", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, "utf8");
    expect(csv).toContain("Client,Client type,Assigned CSM,Status,ARR,Currency,Next renewal,Pulse,Pulse updated");
    expect(csv).toContain("'=SUM(1+1) Widgets,SMB");
    expect(csv).toContain("Northwind Traders,Enterprise,,Active,120000.00,USD");
    expect(csv.trim().split("\r\n")).toHaveLength(6);
  });

  await test.step("Current Pulse Reasons: the treemap, and a reason drills into its clients", async () => {
    await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Pulse reasons" }).click();
    await expect(page).toHaveURL(/\/pulse\/reports\/reasons\?.*measure=arr/);
    await expect(page.getByRole("heading", { level: 1, name: "Current Pulse Reasons" })).toBeVisible();
    const topReasons = page.getByRole("list", { name: "Top reasons" });
    await expect(topReasons.getByRole("listitem").first()).toContainText("Budget cuts");
    await page.getByRole("radiogroup", { name: "Chart type" }).getByText("Treemap", { exact: true }).click();
    await expect(page).toHaveURL(/chart=treemap/);
    const chart = page.getByRole("img", { name: /^Reasons behind the current pulses/ });
    await chart.locator("text", { hasText: "Budget cuts" }).first().click();
    await expect(page).toHaveURL(/reasonCodeId=[0-9a-f-]{36}/);
    await expect(page.getByText("Reason: Budget cuts")).toBeVisible();
    await expect(clientRows(page)).toHaveCount(2);
    await expect(page.getByRole("link", { name: "Northwind Traders" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Contoso Health" })).toBeVisible();
    await expect(page.getByRole("img", { name: /90-day pulse trend for Contoso Health: Severe Risk/ })).toBeVisible();
  });

  await test.step("the drilled-down reasons view survives a reload, and the Pulse filter narrows it", async () => {
    await page.reload();
    await expect(page.getByText("Reason: Budget cuts")).toBeVisible();
    await expect(clientRows(page)).toHaveCount(2);
    await page.getByRole("combobox", { name: "Pulse", exact: true }).click();
    await page.getByRole("option", { name: "Severe Risk" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/levels=severe_risk/);
    await expect(clientRows(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Contoso Health" })).toBeVisible();
  });
});
