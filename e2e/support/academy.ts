import { type APIRequestContext, expect } from "@playwright/test";
import { ADMIN, E2E_BASE_URL } from "./e2e-env.js";

/** A platform admin gives the user a membership plan (until billing exists, staff assign plans). */
export async function grantPlan(request: APIRequestContext, userId: string, plan: string): Promise<void> {
  const headers = { origin: E2E_BASE_URL };
  const login = await request.post("/api/auth/login", { data: ADMIN, headers });
  expect(login.status(), await login.text()).toBe(200);
  const assigned = await request.post("/api/admin/academy/memberships", { data: { userId, plan }, headers });
  expect(assigned.status(), await assigned.text()).toBeLessThan(300);
}
