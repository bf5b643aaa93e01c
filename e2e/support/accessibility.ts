import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Screenshots the page to `.tmp/screens/<name>.png` (to look at) and fails on any serious or critical axe
 * violation, listing rule, help and the first nodes.
 */
export async function expectAccessible(page: Page, name: string, options: { waitForHeading?: boolean } = {}) {
  if (options.waitForHeading) await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`),
    }));
  expect(blocking, `${name}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}
