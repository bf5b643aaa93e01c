import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { grantPlan } from "../support/academy.js";
import { expectAccessible } from "../support/accessibility.js";
import { createConfirmedAccount, newPerson, signInViaApi } from "../support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "../support/e2e-env.js";

/** A signed-in learner holding `plan`; returns their user id and credentials. */
export async function cpdLearner(page: Page, request: APIRequestContext, plan = "full", label = "Cpd") {
  const person = newPerson(label);
  await createConfirmedAccount(request, person);
  await signInViaApi(page, person.email, person.password);
  const me = await (await page.request.get("/api/me")).json();
  await grantPlan(request, me.user.id, plan);
  return { ...person, userId: me.user.id as string };
}

/** Staff (the e2e platform admin) award a level's credential, as from Admin > Credentials. */
export async function awardLevel(request: APIRequestContext, userId: string, key: string) {
  const headers = { origin: E2E_BASE_URL };
  expect((await request.post("/api/auth/login", { data: ADMIN, headers })).status()).toBe(200);
  const res = await request.post("/api/admin/credentials/award", { data: { userId, object: "level", key }, headers });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** Axe and a screenshot at 1280 and 390 px (.tmp/screens/cpd/<name>-<width>.png). */
export async function bothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, `cpd/${name}-1280`, { waitForHeading: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `cpd/${name}-390`, { waitForHeading: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

export const localToday = () => new Date().toISOString().slice(0, 10);
