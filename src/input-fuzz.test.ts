import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../test-support/factories.js";
import { type Hostile, type JsonSchema, schemaArb } from "../test-support/hostile-bodies.js";
import { buildTestApp, type TestApp } from "../test-support/test-app.js";
import { TEST_ENGINES } from "../test-support/test-db.js";
import { ensurePlatformAdmin, openSession } from "./features/accounts/identity/service.js";

/** Generated bodies per write route; about 60 routes, so a run stays well under a minute per engine. */
const RUNS_PER_ROUTE = 60;
const WRITE_METHODS = ["post", "put", "patch", "delete"];

type Operation = { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type WriteRoute = { method: string; path: string; schema: JsonSchema };

function writeRoutes(doc: { paths: Record<string, Record<string, Operation>> }): WriteRoute[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, op]) => {
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      return WRITE_METHODS.includes(method) && schema ? [{ method: method.toUpperCase(), path, schema }] : [];
    }),
  );
}

/** The body for a failure message: long strings cut short. */
const brief = (value: unknown) =>
  JSON.stringify(value, (_, v) => (typeof v === "string" && v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v));

/** Is every certainly-invalid path named in `fields` (itself, a field inside it, or the field holding it)? */
function unnamed(bad: string[], fields: Record<string, string>): string[] {
  const keys = Object.keys(fields);
  // The error handler writes a path's separators as dots, so a key holding "/" reads as two.
  return bad
    .map((path) => path.replaceAll("/", "."))
    .filter(
      (path) =>
        !keys.some(
          (k) => k === path || k.startsWith(`${path}.`) || path.startsWith(`${k}.`) || (path === "" && k === "body"),
        ),
    );
}

describe.each(TEST_ENGINES)("every write route refuses hostile bodies with field errors on %s", (engine) => {
  let t: TestApp;
  let ownerId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    const org = await buildOrganization(t.ctx, "Fuzz Org");
    ownerId = org.owner.userId;
    await ensurePlatformAdmin(t.ctx, { email: org.owner.email, password: "fuzz-staff-password-1" });
    ids.orgId = org.orgId;
    ids.userId = (await buildMember(t.ctx, org.orgId, "member")).userId;
    const cookie = `pulse_session=${(await openSession(t.ctx, ownerId, { ip: null, userAgent: null })).token}`;
    const call = async (method: "GET" | "POST", url: string, payload?: object) =>
      (
        await t.app.inject({ method, url: `/api/organizations/${org.orgId}${url}`, payload, headers: { cookie } })
      ).json();
    ids.clientId = (await call("POST", "/clients", { name: "Fuzz client" })).id;
    ids.segmentId = (await call("POST", "/segments", { name: "Fuzz segment", filter: {} })).id;
    ids.reasonCodeId = (await call("GET", "/reason-codes")).reasonCodes[0].id;
  });
  afterAll(async () => t?.close());

  it("answers no 5xx and names every invalid field, for every route in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const routes = writeRoutes(doc);
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? randomUUID());
      const property = fc.asyncProperty(schemaArb(route.schema), async (body: Hostile) => {
        // A fresh session per call: a route that signs out or changes the password cannot spoil the next.
        const session = await openSession(t.ctx, ownerId, { ip: null, userAgent: null });
        const res = await t.app.inject({
          method: route.method as "POST",
          url,
          headers: { cookie: `pulse_session=${session.token}`, "content-type": "application/json" },
          payload: JSON.stringify(body.value ?? null),
        });
        const error = res.statusCode >= 400 ? res.json().error : undefined;
        const fields: Record<string, string> = error?.fields ?? {};
        const problem =
          res.statusCode >= 500
            ? "a 5xx"
            : res.statusCode === 400 && error.code === "invalid_input" && Object.keys(fields).length === 0
              ? "a 400 without fields"
              : body.bad.length > 0 && res.statusCode !== 413 && res.statusCode !== 400
                ? `invalid ${body.bad.join(", ")} accepted`
                : body.bad.length > 0 && res.statusCode === 400 && unnamed(body.bad, fields).length > 0
                  ? `${unnamed(body.bad, fields).join(", ")} not named`
                  : null;
        if (problem) throw new Error(`${problem}: ${brief(body.value)} -> ${res.statusCode} ${res.body.slice(0, 400)}`);
      });
      const run = await fc.check(property, { numRuns: RUNS_PER_ROUTE, endOnFailure: true });
      if (run.failed) failures.push(`${route.method} ${route.path}: ${(run.errorInstance as Error)?.message}`);
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
