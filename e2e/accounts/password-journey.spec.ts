import { expect, test } from "@playwright/test";
import { newPerson, signInWithForm, signOutWithMenu } from "../support/accounts.js";
import { waitForMail } from "../support/mailbox.js";

test("a person signs up, confirms, signs in and out, and resets a forgotten password", async ({ page }) => {
  const person = newPerson("Riley");
  const newPassword = `${person.password}-renewed`;

  await test.step("sign up", async () => {
    await page.goto("/signup");
    await page.getByLabel("Full name").fill(person.name);
    await page.getByLabel("Work email").fill(person.email);
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(person.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await expect(page.getByText(person.email)).toBeVisible();
  });

  await test.step("confirm by the mailed link", async () => {
    const mail = await waitForMail(person.email, /confirm your email/i);
    await page.goto(mail.link);
    await expect(page.getByRole("heading", { level: 1, name: "Email confirmed" })).toBeVisible();
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step("sign in, then sign out", async () => {
    await signInWithForm(page, person.email, person.password);
    await expect(page).toHaveURL(/\/academy$/);
    await expect(page.getByRole("heading", { level: 1, name: "Academy" })).toBeVisible();
    await signOutWithMenu(page);
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/login\?redirect=/);
  });

  await test.step("ask for a reset link", async () => {
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.getByLabel("Email").fill(person.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText(/If an account exists for/)).toBeVisible();
  });

  await test.step("reset by the mailed link", async () => {
    const mail = await waitForMail(person.email, /reset your pulse password/i);
    await page.goto(mail.link);
    await page.getByRole("textbox", { name: "New password", exact: true }).fill(newPassword);
    await page.getByRole("textbox", { name: "Confirm new password" }).fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Password changed" })).toBeVisible();
  });

  await test.step("the old password fails and the new one works", async () => {
    await signInWithForm(page, person.email, person.password);
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await signInWithForm(page, person.email, newPassword);
    await expect(page).toHaveURL(/\/academy$/);
    await expect(page.getByRole("button", { name: `Account menu for ${person.name}` })).toBeVisible();
  });
});
