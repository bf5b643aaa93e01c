import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../test-support/factories.js";
import { buildTestApp, TEST_APP_URL, type TestApp } from "../../../test-support/test-app.js";

describe("HTTP security", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ loginPerIpPerMinute: 3, bodyLimitBytes: 2048 });
  });
  afterAll(async () => t?.close());

  it("refuses state-changing requests from another site's origin", async () => {
    const user = await buildUser(t.ctx);
    const res = await t.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { cookie: user.cookie, origin: "https://evil.example" },
      payload: { name: "Hacked" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("origin_mismatch");
    const same = await t.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { cookie: user.cookie, origin: TEST_APP_URL },
      payload: { name: "Fine" },
    });
    expect(same.statusCode).toBe(200);
  });

  it("throttles sign-in per IP with a 429 and a clear message", async () => {
    const statuses: number[] = [];
    let last: { error: { message: string } } | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "203.0.113.9",
        payload: { email: `p${i}@example.test`, password: "whatever-pass" },
      });
      statuses.push(res.statusCode);
      last = res.json();
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(last?.error.message).toMatch(/Too many attempts from your network/);
  });

  it("limits request bodies", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { name: "x".repeat(5000), email: "big@example.test", password: "long-enough-pass" },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("sends helmet headers with a CSP and a request id", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await t.app.inject({ method: "GET", url: "/api/health", headers: { "x-request-id": "trace-123" } });
    expect(traced.headers["x-request-id"]).toBe("trace-123");
  });

  it("answers unknown API routes with the error shape", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "No route GET /api/nope." } });
  });

  it("reports health and serves the OpenAPI document of every route", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).json()).toMatchObject({
      status: "ok",
      database: "pglite",
    });
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/me", "/api/organizations/{orgId}/members/{userId}"]),
    );
    expect(doc.paths["/api/auth/signup"].post.requestBody).toBeDefined();
    expect((await t.app.inject({ method: "GET", url: "/api/docs/" })).statusCode).toBe(200);
  });
});
