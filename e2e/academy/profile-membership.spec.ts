import { expect, type Page, test } from "@playwright/test";
import { grantPlan } from "../support/academy.js";
import { expectAccessible } from "../support/accessibility.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { E2E_BASE_URL } from "../support/e2e-env.js";

/**
 * The profile page's "Academy membership": without a plan it says so and where plans come from; with plans
 * given by staff (Basic with no end, Scholar until a date) it lists each one, since when, until when and the
 * levels it opens (on the mini fixture program the e2e server imports), linking to them and to the academy.
 */
const headers = { origin: E2E_BASE_URL };

/** A date as the page shows it: medium style, in the person's time zone, in the browser's locale. */
function shownDate(page: Page, iso: string, timeZone: string): Promise<string> {
  return page.evaluate(
    ([value, zone]) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: zone }).format(new Date(value)),
    [iso, timeZone] as const,
  );
}

test("the profile shows the academy membership: none yet, then each plan with its dates and levels", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const person = newPerson("Member");
  await createConfirmedAccount(request, person);
  await signInViaApi(page, person.email, person.password);
  const me = await (await page.request.get("/api/me")).json();

  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const section = page.getByRole("region", { name: "Academy membership" });
  await expect(section.getByRole("heading", { level: 2, name: "Academy membership" })).toBeVisible();
  await expect(section).toContainText("You hold no academy plan, so the academy's levels stay locked.");
  await expect(section.getByRole("link", { name: "Choose a plan" })).toBeVisible();
  await expect(section.getByRole("article")).toHaveCount(0);
  await expectAccessible(page, "academy/profile-no-plan");

  // Staff give Basic (no end) and Scholar until a date; `request` is signed in as staff from here on.
  await grantPlan(request, me.user.id, "basic");
  const endsOn = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const scholar = await request.post("/api/admin/academy/memberships", {
    data: { userId: me.user.id, plan: "scholar", endsOn },
    headers,
  });
  expect(scholar.status(), await scholar.text()).toBeLessThan(300);
  const { plans } = (await (await page.request.get("/api/academy/me/plans")).json()) as {
    plans: { plan: string; startsAt: string; endsAt: string | null }[];
  };

  await page.reload();
  await expect(section.getByRole("article")).toHaveCount(2);
  await expect(section).not.toContainText("You hold no academy plan");

  const basic = section.getByRole("article", { name: "CCSMP Basic" });
  const basicStart = plans.find((p) => p.plan === "basic")?.startsAt ?? "";
  await expect(basic).toContainText(`Since ${await shownDate(page, basicStart, me.user.timeZone)}, with no end date.`);
  await expect(basic.getByRole("link", { name: "Mini Program, Level 1: Foundations" })).toBeVisible();
  await expect(basic.getByRole("link", { name: "Mini Program, Level 2: Exams" })).toHaveCount(0);

  const scholarCard = section.getByRole("article", { name: "CCSMP Scholar" });
  const held = plans.find((p) => p.plan === "scholar");
  const since = await shownDate(page, held?.startsAt ?? "", me.user.timeZone);
  const until = await shownDate(page, held?.endsAt ?? "", me.user.timeZone);
  await expect(scholarCard).toContainText(`Since ${since}, until ${until}.`);
  await expect(scholarCard.getByRole("link", { name: "Mini Program, Level 1: Foundations" })).toBeVisible();
  await expect(scholarCard.getByRole("link", { name: "Mini Program, Level 2: Exams" })).toBeVisible();
  await expectAccessible(page, "academy/profile-plans");

  // The level link leads to the program page at that level; the button to the academy home.
  await scholarCard.getByRole("link", { name: "Mini Program, Level 2: Exams" }).click();
  await expect(page).toHaveURL(/\/academy\/programs\/mini#mini\.l2$/);
  await page.goBack();
  await section.getByRole("link", { name: "Go to the academy" }).click();
  await expect(page).toHaveURL(/\/academy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Academy" })).toBeVisible();
});
