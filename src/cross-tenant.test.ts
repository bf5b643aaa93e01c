import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildWorld,
  type Made,
  type Person,
  RESOURCES,
  VALUE_HINTS,
  type World,
} from "../test-support/org-resources.js";
import { buildTestApp, type TestApp } from "../test-support/test-app.js";
import { TEST_ENGINES } from "../test-support/test-db.js";
import { type OpenApiDoc, operationOf, validBody, validQuery } from "../test-support/valid-values.js";
import { openSession } from "./features/accounts/identity/service.js";
import { fixedClock } from "./kernel/clock.js";

/**
 * Issue 9: no route may reach another organization's (or another user's) data through an id. Every route
 * of `app.accessTable` with an id parameter is called by the owner of organization B, in B's own
 * organization, with an id of A's: it must answer 404 (403 on platform-admin routes) and change no row of
 * any table. The ids come from the factories of test-support/org-resources.ts, chosen by parameter name,
 * so a new route is covered by being added; one with an unknown parameter fails the first test.
 */
const idParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string).filter((n) => n !== "orgId");

type Snapshot = Map<string, string>;

/** Row count and an md5 of every row of every table. */
async function snapshot(t: TestApp): Promise<Snapshot> {
  const rows = async (query: ReturnType<typeof sql.raw>) =>
    ((await t.ctx.database.db.execute(query)) as unknown as { rows: Record<string, string>[] }).rows;
  const tables = await rows(
    sql.raw(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    ),
  );
  const parts = tables.map(
    ({ name }) =>
      `select '${name}' as name, count(*) || ' rows, ' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from "${name}" x`,
  );
  return new Map((await rows(sql.raw(parts.join(" union all ")))).map((r) => [r.name as string, r.sum as string]));
}

const changedTables = (before: Snapshot, after: Snapshot) =>
  [...after].filter(([name, sum]) => before.get(name) !== sum).map(([name]) => name);

describe.each(TEST_ENGINES)("cross-organization access (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let w: World;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, sessionTtlHours: 24 * 400 });
    w = await buildWorld(t);
    doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
  });
  afterAll(async () => t?.close());

  const idRoutes = () => t.app.accessTable.filter((r) => idParams(r.url).length > 0);

  it("knows who owns what every id parameter of every route names", () => {
    const problems: string[] = [];
    for (const route of idRoutes()) {
      const key = `${route.method} ${route.url}`;
      for (const name of idParams(route.url)) {
        const r = RESOURCES[name];
        if (!r)
          problems.push(
            `${key} takes :${name}, which test-support/org-resources.ts does not know: add a factory to RESOURCES that creates it in organization A (or for a user), or mark it shared and say why`,
          );
        else if (r.scope === "shared" && route.url.startsWith("/api/organizations/:orgId"))
          problems.push(`${key}: :${name} is marked shared, but an organization route's ids name its own data`);
        else if (route.access === "public" && r.scope !== "shared" && !r.publicBecause)
          problems.push(`${key} is public but takes :${name}, an id of ${r.scope} data`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers the owner of organization B 404 for every id of A's, and changes nothing", async () => {
    const failures: string[] = [];
    const probed: string[] = [];
    /** A fresh session per call (opened before the snapshot), so a route that ends sessions spoils nothing. */
    const as = async (who: Person) =>
      `pulse_session=${(await openSession(t.ctx, who.userId, { ip: null, userAgent: "cross-tenant" })).token}`;
    const inject = (cookie: string, method: string, url: string, payload: unknown) =>
      t.app.inject({ method: method as "GET", url, payload: payload as never, headers: { cookie } });

    for (const route of idRoutes()) {
      const key = `${route.method} ${route.url}`;
      const names = idParams(route.url);
      const resources = names.map((n) => RESOURCES[n]);
      if (resources.some((r) => !r)) continue; // the first test names it
      if (route.access === "public" || resources.every((r) => r?.scope === "shared")) continue;

      // Innermost parameter first: a nested resource's factory also fills its parents.
      const made: Required<Made> = { params: {}, owner: w.a.owner, values: {} };
      let complete = true;
      for (const name of [...names].reverse()) {
        if (name in made.params) continue;
        const r = RESOURCES[name];
        if (!r || r.scope === "shared") {
          failures.push(`${key}: no factory of its other parameters gives :${name}`);
          complete = false;
          break;
        }
        const m = await r.make(w);
        made.params = { ...m.params, ...made.params };
        made.values = { ...m.values, ...made.values };
        if (m.owner) made.owner = m.owner;
      }
      if (!complete) continue;

      const op = operationOf(doc, route.method, route.url);
      const hints = { ...VALUE_HINTS, ...made.values };
      const query = new URLSearchParams(validQuery(op, hints)).toString();
      const payload = validBody(op, hints);
      const urlIn = (orgId: string) =>
        route.url.replace(/:(\w+)/g, (_, n: string) => (n === "orgId" ? orgId : (made.params[n] as string))) +
        (query ? `?${query}` : "");
      const expected = route.access === "platform_admin" ? 403 : 404;

      const bCookie = await as(w.b.owner);
      const before = await snapshot(t);
      const res = await inject(bCookie, route.method, urlIn(w.b.orgId), payload);
      const changed = changedTables(before, await snapshot(t));
      probed.push(key);
      if (res.statusCode !== expected)
        failures.push(`${key}: B's owner got ${res.statusCode}, expected ${expected}: ${res.body.slice(0, 160)}`);
      else if (res.json().error?.message === "Organization was not found.")
        failures.push(`${key}: the 404 came from the organization check, not from the lookup of A's id`);
      if (changed.length > 0) failures.push(`${key}: B's call changed ${changed.join(", ")}`);

      // The same request by the resource's own user succeeds (or meets a state conflict, which needs the
      // resource found): the ids and the body were valid, so B's 404 came from the lookup of A's id (a 400
      // for a body would have hidden a leak).
      const rightful = route.access === "platform_admin" ? w.staff : made.owner;
      const own = await inject(await as(rightful), route.method, urlIn(w.a.orgId), payload);
      if (own.statusCode >= 400 && own.statusCode !== 409)
        failures.push(
          `${key}: the resource's own user got ${own.statusCode} (fix its factory or VALUE_HINTS): ${own.body.slice(0, 160)}`,
        );
    }

    expect(failures).toEqual([]);
    // Every non-public route with an id of tenant data was called.
    const expectedProbes = idRoutes().filter(
      (r) => r.access !== "public" && idParams(r.url).some((n) => RESOURCES[n] && RESOURCES[n].scope !== "shared"),
    );
    expect(probed).toHaveLength(expectedProbes.length);
  });
});
