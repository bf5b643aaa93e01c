import { AxeBuilder } from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * Pulse journey: a CSM creates a client, sets its pulse to High Risk with a reason and a note, sees it
 * in the history and the health journey chart, and corrects it. Screenshots of each page go to .tmp/.
 */
test.use({ viewport: { width: 1440, height: 1000 } });

const headers = { origin: E2E_BASE_URL };
const SHOTS = ".tmp/screens/health";
const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const response = await request.post(path, { data, headers });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A second client with a year of backdated pulses, so the list and the chart have something to show. */
async function seedHistory(request: APIRequestContext, base: string) {
  const { reasonCodes } = await (await request.get(`${base}/reason-codes`)).json();
  const reason = (code: string) => reasonCodes.find((r: { code: string; id: string }) => r.code === code).id;
  const contoso = await post<{ id: string }>(request, `${base}/clients`, {
    name: "Contoso Health",
    externalId: "CRM-1",
    clientType: "Mid-market",
    arrMinor: 4_800_000,
    mrrMinor: 400_000,
    acvMinor: 4_800_000,
    nextRenewalDate: isoDay(200),
    clientSince: isoDay(-400),
  });
  const steps: [number, string, string, string[]][] = [
    [-330, "satisfied", "Kick-off went well; champion is keen.", ["champion_strong"]],
    [-250, "very_satisfied", "Onboarding finished early.", ["onboarding_complete", "usage_growing"]],
    [-160, "some_risk", "Usage dipped after their reorganization.", ["reorganization", "usage_declining"]],
    [-90, "satisfied", "New sponsor engaged; weekly cadence agreed.", ["exec_sponsor_engaged", "regular_cadence"]],
    [-20, "extremely_satisfied", "Positive EBR, asked about expansion.", ["ebr_positive", "expansion_opportunity"]],
  ];
  for (const [days, level, note, codes] of steps) {
    await post(request, `${base}/clients/${contoso.id}/pulses`, {
      level,
      note,
      reasonCodeIds: codes.map(reason),
      effectiveAt: new Date(Date.now() + days * DAY).toISOString(),
    });
  }
  await post(request, `${base}/clients`, {
    name: "Fabrikam Logistics",
    clientType: "Enterprise",
    arrMinor: 21_000_000,
    nextRenewalDate: isoDay(25),
  });
}

/** Saves a screenshot to look at and fails on serious or critical axe violations. */
async function shoot(page: Page, name: string) {
  await page.mouse.move(1, 1); // no hover highlight on what was clicked last
  await page.evaluate(() => window.scrollTo(0, 0)); // full-page shots keep the fixed header on top
  await page.waitForTimeout(1500); // let charts finish their drawing animation
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  // The shell's header (organization switcher, inbox bell, user menu) and the app-wide toasts are
  // e2e/accessibility.spec.ts's to check.
  const { violations } = await new AxeBuilder({ page })
    .exclude(".mantine-AppShell-header")
    .exclude(".mantine-Notifications-root")
    .analyze();
  const blocking = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  expect(blocking, `${name}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

test("a CSM creates a client, sets its pulse to High Risk with a reason and a note, and corrects it", async ({
  page,
}) => {
  test.setTimeout(180_000); // a long journey with a screenshot and an axe scan of every page
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  const org = await post<{ id: string }>(page.request, "/api/organizations", { name: `Pulse E2E ${Date.now()}` });
  const base = `/api/organizations/${org.id}`;
  await seedHistory(page.request, base);

  await test.step("the Pulse nav item opens the clients list", async () => {
    await page.goto("/academy");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Pulse" }).click();
    await expect(page).toHaveURL(/\/pulse\/clients/);
    await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Contoso Health" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Contoso Health/ }).getByText("Extremely Satisfied")).toBeVisible();
    await shoot(page, "clients-list");
  });

  await test.step("create a client: field errors from the form and from the server", async () => {
    await page.getByRole("button", { name: "New client" }).first().click();
    const drawer = page.getByRole("dialog", { name: "New client" });
    await drawer.getByRole("button", { name: "Create client" }).click();
    await expect(drawer.getByText("Is required")).toBeVisible();
    await drawer.getByRole("textbox", { name: "Name", exact: true }).fill("Northwind Traders");
    await drawer.getByLabel("Client type").fill("Enterprise");
    await drawer.getByRole("textbox", { name: "External id" }).fill("CRM-1");
    await drawer.getByRole("textbox", { name: "ARR" }).fill("120000");
    await drawer.getByLabel("Next renewal").fill(isoDay(45));
    await shoot(page, "new-client-drawer");
    await drawer.getByRole("button", { name: "Create client" }).click();
    await expect(drawer.getByText("Is already used by another client")).toBeVisible();
    await shoot(page, "new-client-server-error");
    await drawer.getByRole("textbox", { name: "External id" }).fill("CRM-2");
    await drawer.getByRole("button", { name: "Create client" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
    await expect(page.getByText("$120,000").first()).toBeVisible();
  });

  await test.step("set the pulse to High Risk with a reason and a note", async () => {
    await page.getByRole("button", { name: "Set pulse" }).click();
    const dialog = page.getByRole("dialog", { name: "Set pulse for Northwind Traders" });
    await dialog.getByRole("radio", { name: "High Risk" }).click();
    await dialog.getByRole("textbox", { name: "Note" }).fill("Budget frozen until Q3; sponsor hard to reach.");
    await dialog.getByLabel("Reasons").click();
    await dialog.getByLabel("Reasons").fill("budget");
    await page.getByRole("option", { name: /Budget cuts/ }).click();
    await dialog.getByLabel("Reasons").press("Tab"); // close the options list
    await shoot(page, "set-pulse-modal");
    await dialog.getByRole("button", { name: "Set pulse" }).click();
    await expect(dialog).toBeHidden();

    const history = page.getByRole("region", { name: "Pulse history" });
    await expect(history.getByText("Budget frozen until Q3; sponsor hard to reach.")).toBeVisible();
    await expect(history.getByText("Budget cuts")).toBeVisible();
    await expect(history.getByText("High Risk")).toBeVisible();
    await expect(page.getByRole("img", { name: /Health journey: 1 pulse level .* now High Risk/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "SuccessScore" }).getByText("Capped")).toBeVisible();
  });

  await test.step("correct the entry: the original stays, marked as corrected", async () => {
    await page.getByRole("button", { name: /Correct the High Risk entry/ }).click();
    const dialog = page.getByRole("dialog", { name: "Correct a pulse entry" });
    await expect(dialog.getByRole("radio", { name: "High Risk" })).toBeChecked();
    await dialog.getByRole("radio", { name: "Some Risk" }).click();
    await dialog.getByRole("textbox", { name: "Note" }).fill("Budget is delayed, not frozen: some risk.");
    await shoot(page, "correct-pulse-modal");
    await dialog.getByRole("button", { name: "Save correction" }).click();
    await expect(dialog).toBeHidden();

    const history = page.getByRole("region", { name: "Pulse history" });
    await expect(history.getByText("Correction", { exact: true })).toBeVisible();
    await expect(history.getByText("Corrected", { exact: true })).toBeVisible();
    await expect(history.getByText(/Corrects the High Risk entry/)).toBeVisible();
    await expect(page.getByRole("img", { name: /now Some Risk/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
    await shoot(page, "client-detail-corrected");
  });

  await test.step("edit the client: a new dated version of CSM and ARR", async () => {
    await page.getByRole("button", { name: "Edit" }).click();
    const drawer = page.getByRole("dialog", { name: "Edit Northwind Traders" });
    await drawer.getByLabel("Assigned CSM").click();
    await page.getByRole("option", { name: "Platform admin" }).click();
    await drawer.getByRole("textbox", { name: "ARR" }).fill("150000");
    await shoot(page, "edit-client-drawer");
    await drawer.getByRole("button", { name: "Save changes" }).click();
    await expect(drawer).toBeHidden();
    const history = page.getByRole("region", { name: "Field history" });
    await expect(history.getByText("$150,000")).toBeVisible();
    await expect(history.getByText("Platform admin")).toBeVisible();
  });

  await test.step("a client with a year of pulses shows its journey and dated history", async () => {
    await page.getByRole("link", { name: "Clients" }).first().click();
    await page.getByRole("link", { name: "Contoso Health" }).click();
    await expect(
      page.getByRole("img", { name: /Health journey: 5 pulse levels .* now Extremely Satisfied/ }),
    ).toBeVisible();
    await shoot(page, "client-detail-journey");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "client-detail-phone");
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  await test.step("admins tune reason codes and the SuccessScore formula", async () => {
    await page.getByRole("navigation", { name: "Pulse sections" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pulse settings" })).toBeVisible();
    const reasons = page.getByRole("region", { name: "Reason codes" });
    await expect(reasons.getByRole("row", { name: /Budget cuts/ })).toBeVisible();
    // A used code can be retired, never deleted.
    await expect(reasons.getByRole("button", { name: "Retire Budget cuts" })).toBeVisible();
    await reasons.getByRole("button", { name: "Add reason code" }).click();
    const add = page.getByRole("dialog", { name: "Add reason code" });
    await add.getByRole("textbox", { name: "Label" }).fill("Data migration pain");
    await add.getByRole("textbox", { name: "Code" }).fill("Data Migration");
    await add.getByLabel("Category").fill("Product");
    await add.getByRole("button", { name: "Add reason code" }).click();
    await expect(add.getByText(/Must be 2-40 lowercase letters/)).toBeVisible();
    await add.getByRole("textbox", { name: "Code" }).fill("data_migration");
    await add.getByRole("button", { name: "Add reason code" }).click();
    await expect(add).toBeHidden();
    await expect(reasons.getByRole("row", { name: /Data migration pain/ })).toBeVisible();
    await shoot(page, "settings-reason-codes");

    await page.getByRole("tab", { name: "SuccessScore formula" }).click();
    await expect(page.getByLabel("Pulse weight")).toHaveValue("60");
    await page.getByLabel("Pulse weight").fill("70");
    await expect(page.getByText("64% of the score")).toBeVisible();
    await page.getByRole("button", { name: "Save new version" }).click();
    await expect(page.getByText("Formula version 2 saved.")).toBeVisible();
    await shoot(page, "settings-formula");
  });
});
