import { AxeBuilder } from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, request, test } from "@playwright/test";
import { createConfirmedAccount, newPerson, signInViaApi } from "./support/accounts.js";
import { ADMIN, E2E_BASE_URL } from "./support/e2e-env.js";
import { waitForMail } from "./support/mailbox.js";

const headers = { origin: E2E_BASE_URL };

/** Fails on any serious or critical axe violation and saves a screenshot to look at. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // Let Mantine transitions (menus, drawers, notifications) settle before measuring colours.
  await page.waitForTimeout(400);
  await page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
    }));
  expect(blocking, `${name}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

const owner = newPerson("Axe");
const stranger = newPerson("Guest");
let invitationPath = "";
let orgId = "";
let ownerApi: APIRequestContext;

/** Invites an address to the owner's organization and returns the path of the mailed link. */
async function inviteAndGetPath(email: string): Promise<string> {
  const invite = await ownerApi.post(`/api/organizations/${orgId}/invitations`, {
    data: { email, role: "manager" },
    headers,
  });
  expect(invite.status(), await invite.text()).toBe(201);
  return new URL((await waitForMail(email, /invited you to/i)).link).pathname;
}

test.beforeAll(async () => {
  ownerApi = await request.newContext({ baseURL: E2E_BASE_URL });
  await createConfirmedAccount(ownerApi, owner);
  const login = await ownerApi.post("/api/auth/login", { data: owner, headers });
  expect(login.ok()).toBe(true);
  const org = await ownerApi.post("/api/organizations", { data: { name: "Axe Analytics" }, headers });
  expect(org.status()).toBe(201);
  orgId = ((await org.json()) as { id: string }).id;
  invitationPath = await inviteAndGetPath(stranger.email);
});

test.afterAll(async () => {
  await ownerApi.dispose();
});

test("public pages have no serious accessibility violations", async ({ page }) => {
  const pages: Array<[string, string]> = [
    ["login", "/login"],
    ["signup", "/signup"],
    ["forgot-password", "/forgot-password"],
    ["reset-password", "/reset-password?token=not-a-real-token-123"],
    ["reset-password-no-token", "/reset-password"],
    ["confirm-email-no-token", "/confirm-email"],
    ["invitation-signed-out", invitationPath],
    ["invitation-invalid", "/invitations/not-a-real-invitation-token"],
    ["not-found", "/no/such/page"],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await expectAccessible(page, name);
  }

  await page.goto("/confirm-email?token=not-a-real-token-123");
  await expect(page.getByRole("heading", { level: 1, name: /couldn't confirm/i })).toBeVisible();
  await expectAccessible(page, "confirm-email-invalid");

  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Must be a valid email address")).toBeVisible();
  await expectAccessible(page, "login-field-errors");
  await page.getByLabel("Email").fill("nobody@e2e.test");
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
  await expectAccessible(page, "login-error");

  await page.goto("/signup");
  await page.getByLabel("Full name").fill(stranger.name);
  await page.getByLabel("Work email").fill(stranger.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(stranger.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expectAccessible(page, "signup-check-email");

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account exists/)).toBeVisible();
  await expectAccessible(page, "forgot-password-sent");

  const confirm = await waitForMail(stranger.email, /confirm your email/i);
  await page.goto(confirm.link);
  await expect(page.getByRole("heading", { level: 1, name: "Email confirmed" })).toBeVisible();
  await expectAccessible(page, "confirm-email-success");
});

test("signed-in pages have no serious accessibility violations", async ({ page }) => {
  await signInViaApi(page, owner.email, owner.password);
  for (const [name, path] of [
    ["academy", "/academy"],
    ["cpd", "/cpd"],
    ["pulse", "/pulse"],
    ["engagements", "/engagements"],
    ["organization", "/org"],
    ["profile", "/profile"],
    ["admin-not-allowed", "/admin/outbox"],
    ["signed-in-not-found", "/nothing-here"],
  ]) {
    await page.goto(path as string);
    await expectAccessible(page, name as string);
  }

  await page.goto("/org");
  await page.getByRole("button", { name: "Axe Analytics" }).click();
  await expect(page.getByRole("menuitem", { name: "Create organization" })).toBeVisible();
  await expectAccessible(page, "org-switcher-open");
  await page.getByRole("menuitem", { name: "Create organization" }).click();
  await expect(page.getByRole("dialog", { name: "Create organization" })).toBeVisible();
  await expectAccessible(page, "create-organization-dialog");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: /account menu/i }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page, "user-menu-open");
});

test("a person without an organization and the invitee see accessible pages", async ({ page }) => {
  const solo = newPerson("Solo");
  await createConfirmedAccount(page.request, solo);
  const soloInvitation = await inviteAndGetPath(solo.email);
  await signInViaApi(page, solo.email, solo.password);
  await page.goto("/pulse");
  await expect(page.getByRole("heading", { level: 1, name: /needs an organization/ })).toBeVisible();
  await expectAccessible(page, "pulse-without-organization");
  await page.goto("/org");
  await expectAccessible(page, "team-without-organization");
  await page.goto(soloInvitation);
  await expect(page.getByRole("button", { name: "Accept invitation" })).toBeVisible();
  await expectAccessible(page, "invitation-signed-in");
});

test("the admin outbox is accessible", async ({ page }) => {
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/outbox");
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  await expectAccessible(page, "admin-outbox");
  await page.getByLabel("Filter by recipient").fill(owner.email);
  // Once the filter applies, only the owner's mail is listed (a confirmation, perhaps a reset too).
  await expect(page.getByRole("row").filter({ hasNotText: owner.email })).toHaveCount(1);
  await page
    .getByRole("button", { name: /confirm your email/i })
    .first()
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "admin-outbox-message");
});
