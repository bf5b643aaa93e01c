import { type APIRequestContext, expect } from "@playwright/test";
import { parse } from "yaml";
import { ADMIN, E2E_BASE_URL } from "./e2e-env.js";

/** A platform admin gives the user a membership plan (until billing exists, staff assign plans). */
export async function grantPlan(request: APIRequestContext, userId: string, plan: string): Promise<void> {
  const headers = { origin: E2E_BASE_URL };
  const login = await request.post("/api/auth/login", { data: ADMIN, headers });
  expect(login.status(), await login.text()).toBe(200);
  const assigned = await request.post("/api/admin/academy/memberships", { data: { userId, plan }, headers });
  expect(assigned.status(), await assigned.text()).toBeLessThan(300);
}

/**
 * Prompt -> correct choice keys of the mini fixture program as the server holds it now (the staff export),
 * so questions another journey added in the app are known too. `staff` must be signed in as a platform admin.
 */
export async function miniAnswerKey(staff: APIRequestContext): Promise<Map<string, string[]>> {
  const { programs } = (await (await staff.get("/api/admin/academy/programs")).json()) as {
    programs: { id: string; key: string }[];
  };
  const mini = programs.find((p) => p.key === "mini");
  expect(mini, "the e2e server imports the mini fixture program").toBeTruthy();
  const exported = await staff.get(`/api/admin/academy/programs/${mini?.id}/export.yaml`);
  expect(exported.status()).toBe(200);
  const key = new Map<string, string[]>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const child of node) walk(child);
    else if (node && typeof node === "object") {
      const { prompt, correct } = node as { prompt?: unknown; correct?: unknown };
      if (typeof prompt === "string" && Array.isArray(correct)) key.set(prompt, correct as string[]);
      for (const child of Object.values(node)) walk(child);
    }
  };
  walk(parse(await exported.text()));
  return key;
}

/** Starts an attempt at the assessment as `learner`, submits the answers `key` gives and returns the graded result. */
export async function answerWithKey(
  learner: APIRequestContext,
  assessmentId: string,
  key: Map<string, string[]>,
): Promise<{ passed: boolean; scorePercent: number }> {
  const headers = { origin: E2E_BASE_URL };
  const started = await learner.post(`/api/academy/assessments/${assessmentId}/attempts`, { data: {}, headers });
  expect(started.status(), await started.text()).toBe(201);
  const attempt = (await started.json()) as { id: string; questions: { id: string; prompt: string }[] };
  const answers = Object.fromEntries(attempt.questions.map((q) => [q.id, key.get(q.prompt) ?? []]));
  const submitted = await learner.post(`/api/academy/attempts/${attempt.id}/submit`, { data: { answers }, headers });
  expect(submitted.status(), await submitted.text()).toBe(200);
  return (await submitted.json()).result;
}
