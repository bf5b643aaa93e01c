import { expect, type Page, test } from "@playwright/test";
import { createConfirmedAccount, newPerson, signInViaApi, signInWithForm } from "../support/accounts.js";
import { ADMIN } from "../support/e2e-env.js";
import { waitForMail } from "../support/mailbox.js";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main navigation" });

test("an owner creates an organization, invites a person who joins, and changes their role", async ({
  page,
  browser,
}) => {
  const owner = newPerson("Owner");
  const invitee = newPerson("Invitee");
  const orgName = `Acme CS ${Date.now().toString(36)}`;

  await test.step("a new person sees only the learning parts", async () => {
    await createConfirmedAccount(page.request, owner);
    await signInViaApi(page, owner.email, owner.password);
    await page.goto("/academy");
    await expect(nav(page).getByRole("link", { name: "Academy" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "CPD" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Pulse" })).toHaveCount(0);
    await expect(nav(page).getByRole("link", { name: "Team" })).toHaveCount(0);
    await expect(nav(page).getByRole("link", { name: "Outbox" })).toHaveCount(0);
  });

  await test.step("create an organization", async () => {
    await page.getByRole("button", { name: "No organization" }).click();
    await page.getByRole("menuitem", { name: "Create organization" }).click();
    const dialog = page.getByRole("dialog", { name: "Create organization" });
    await dialog.getByLabel("Organization name").fill(orgName);
    await dialog.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(/\/org$/);
    await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Team" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Pulse" })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Engagements" })).toBeVisible();
    await expect(page.getByRole("button", { name: orgName })).toBeVisible();
  });

  await test.step("invite a person", async () => {
    const invitations = page.getByRole("region", { name: "Invitations" });
    await invitations.getByLabel("Email address").fill(invitee.email);
    await invitations.getByRole("button", { name: "Send invitation" }).click();
    await expect(invitations.getByRole("cell", { name: invitee.email, exact: true })).toBeVisible();
  });

  await test.step("the invitee signs up from the mailed link, confirms, and accepts", async () => {
    const context = await browser.newContext();
    const guest = await context.newPage();
    const invitation = await waitForMail(invitee.email, /invited you to/i);
    await guest.goto(invitation.link);
    await expect(guest.getByRole("heading", { level: 1, name: `Join ${orgName}` })).toBeVisible();
    await guest.getByRole("link", { name: "Create an account" }).click();
    await expect(guest.getByLabel("Work email")).toHaveValue(invitee.email);
    await guest.getByLabel("Full name").fill(invitee.name);
    await guest.getByRole("textbox", { name: "Password", exact: true }).fill(invitee.password);
    await guest.getByRole("button", { name: "Create account" }).click();
    await expect(guest.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

    const confirmation = await waitForMail(invitee.email, /confirm your email/i);
    await guest.goto(confirmation.link);
    await guest.getByRole("link", { name: "Sign in" }).click();
    await signInWithForm(guest, invitee.email, invitee.password);
    // Signing in returns to the invitation.
    await expect(guest.getByRole("heading", { level: 1, name: `Join ${orgName}` })).toBeVisible();
    await guest.getByRole("button", { name: "Accept invitation" }).click();
    await expect(guest).toHaveURL(/\/org$/);
    await expect(guest.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
    await expect(nav(guest).getByRole("link", { name: "Team" })).toBeVisible();
    // Members see the team but cannot manage it.
    await expect(guest.getByRole("region", { name: "Invitations" })).toHaveCount(0);
    await context.close();
  });

  await test.step("the owner changes the new member's role", async () => {
    await page.reload();
    const members = page.getByRole("region", { name: "Members" });
    const role = members.getByRole("combobox", { name: `Role for ${invitee.name}` });
    await expect(role).toHaveValue("Member");
    await role.click();
    await page.getByRole("option", { name: "Manager" }).click();
    await expect(page.getByText(`${invitee.name} is now manager`)).toBeVisible();
    await page.reload();
    await expect(members.getByRole("combobox", { name: `Role for ${invitee.name}` })).toHaveValue("Manager");
    await expect(page.getByRole("region", { name: "Invitations" }).getByText("No pending invitations.")).toBeVisible();
  });
});

test("only the platform admin sees Admin, and the admin reads the outbox", async ({ page }) => {
  const person = newPerson("Plain");
  await createConfirmedAccount(page.request, person);
  await signInViaApi(page, person.email, person.password);
  await page.goto("/academy");
  await expect(nav(page).getByRole("link", { name: "Outbox" })).toHaveCount(0);
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
  await page.context().clearCookies();

  await signInWithForm(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/academy$/);
  await nav(page).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await page.getByLabel("Filter by recipient").fill(person.email);
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /confirm your email/i }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("link", { name: /\/confirm-email\?token=/ })).toBeVisible();
});
