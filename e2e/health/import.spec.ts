import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * A large client CSV (above the 200 rows imported within the request) runs as a job: the import page
 * shows its real progress, first for the dry run, then for the import, which is saved in batches so the
 * bar moves through several percentages, and the clients list holds them.
 */
test.use({ viewport: { width: 1440, height: 1000 } });

const headers = { origin: E2E_BASE_URL };
const SHOTS = ".tmp/screens/health";
const ROWS = 1500;

async function axe(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page })
    .exclude(".mantine-AppShell-header")
    .exclude(".mantine-Notifications-root")
    .analyze();
  const blocking = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  expect(blocking, `${name}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

test("a large client file is checked and imported with a progress bar", async ({ page }) => {
  test.setTimeout(150_000);
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  const created = await page.request.post("/api/organizations", {
    data: { name: `Import E2E ${Date.now()}` },
    headers,
  });
  expect(created.status()).toBe(201);

  const lines = ["External ID,Company,Segment,ARR"];
  for (let i = 0; i < ROWS; i++) lines.push(`BIG-${i},Big Import ${String(i).padStart(4, "0")},SMB,${1000 + i}.00`);
  const file = { name: "clients.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) };

  await page.goto("/pulse/clients");
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/pulse\/clients\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: "Import from CSV" })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(file);
  // The dry run starts on choosing the file; a large file shows the job's progress, then the report.
  const progress = page.getByRole("status", { name: "Import progress" });
  await expect(progress).toBeVisible();
  // At 0% the bar's filled section has no width, so check its value rather than its visibility.
  await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /^\d+$/);
  await expect(page.getByText(`Dry run: all ${ROWS} rows are valid. Nothing was saved yet.`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(progress).toBeHidden();

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(progress).toBeVisible();
  const bar = progress.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", /^\d+$/);
  await page.screenshot({ path: `${SHOTS}/import-progress.png`, fullPage: true });
  await axe(page, "import-progress");
  // Each committed batch moves the bar: the page sees it at several points, not 0% then 100%.
  const imported = page.getByText(`Imported all ${ROWS} rows.`);
  const percents = new Set<string>();
  const until = Date.now() + 90_000;
  while (!(await imported.isVisible()) && Date.now() < until) {
    const now = await bar.getAttribute("aria-valuenow", { timeout: 1000 }).catch(() => null);
    if (now !== null) percents.add(now);
    await page.waitForTimeout(100);
  }
  expect([...percents].length, `percentages seen: ${[...percents].join(", ")}`).toBeGreaterThanOrEqual(3);
  await expect(imported).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: `${SHOTS}/import-done.png`, fullPage: true });
  await axe(page, "import-done");

  await page.goto("/pulse/clients");
  await expect(page.getByRole("status").filter({ hasText: `${ROWS} clients` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Big Import 0000" })).toBeVisible();

  await test.step("sort by ARR, largest first, then give the client contacts in the edit form", async () => {
    await page.getByRole("button", { name: "Sort by ARR" }).click();
    await expect(page.getByRole("columnheader", { name: "Sort by ARR" })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("link", { name: `Big Import ${ROWS - 1}` })).toBeVisible();
    await page.getByRole("link", { name: `Big Import ${ROWS - 1}` }).click();
    await page.getByRole("button", { name: "Edit" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("button", { name: "Add contact" }).click();
    const first = drawer.getByRole("group", { name: "Contact 1" });
    await first.getByRole("textbox", { name: "Name" }).fill("Ada Buyer");
    await first.getByRole("textbox", { name: "Email" }).fill("not-an-email");
    await drawer.getByRole("button", { name: "Save changes" }).click();
    await expect(first.getByText("Must be a valid email address")).toBeVisible();
    await first.getByRole("textbox", { name: "Email" }).fill("ada@big.test");
    await drawer.getByRole("button", { name: "Add contact" }).click();
    await drawer.getByRole("group", { name: "Contact 2" }).getByRole("textbox", { name: "Name" }).fill("Bo Admin");
    await page.screenshot({ path: `${SHOTS}/client-contacts-form.png`, fullPage: true });
    await drawer.getByRole("button", { name: "Save changes" }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText("Ada Buyer · ada@big.test")).toBeVisible();
    await page.getByRole("button", { name: "Edit" }).click();
    await expect(page.getByRole("dialog").getByRole("group", { name: "Contact 2" })).toBeVisible();
    await axe(page, "client-contacts-form");
  });
});
