import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e-env.js";
import { waitForMail } from "./mailbox.js";

export type Credentials = { name: string; email: string; password: string };

/** A fresh address per run, so journeys never collide with earlier data. */
export function newPerson(label: string): Credentials {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  // The password policy refuses one that contains the address, so its random part is its own.
  const secret = Math.random().toString(36).slice(2, 10);
  return {
    name: `${label} Tester`,
    email: `${label.toLowerCase()}-${id}@e2e.test`,
    password: `pw-${secret}-long-enough`,
  };
}

const json = { origin: E2E_BASE_URL };

/** Signs up and confirms through the API and the mailed link (fixtures sign in through the API). */
export async function createConfirmedAccount(request: APIRequestContext, person: Credentials): Promise<void> {
  const started = new Date(Date.now() - 1000);
  const signup = await request.post("/api/auth/signup", { data: person, headers: json });
  expect(signup.status(), await signup.text()).toBe(201);
  const mail = await waitForMail(person.email, /confirm your email/i, { after: started });
  const token = new URL(mail.link).searchParams.get("token");
  const confirm = await request.post("/api/auth/confirm-email", { data: { token }, headers: json });
  expect(confirm.status(), await confirm.text()).toBe(200);
}

/** Signs the page's browser context in (the cookie lands in the context). */
export async function signInViaApi(page: Page, email: string, password: string): Promise<void> {
  const response = await page.request.post("/api/auth/login", { data: { email, password }, headers: json });
  expect(response.status(), await response.text()).toBe(200);
}

/** Signs in through the form on /login. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOutWithMenu(page: Page): Promise<void> {
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
