import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization, buildUser } from "../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../test-support/test-db.js";
import { fixedClock } from "../../kernel/clock.js";
import type { CatalogResponse } from "../academy/catalog/contract.js";
import { importContent } from "../academy/catalog/service.js";
import { ensurePlatformAdmin, openSession } from "../accounts/identity/service.js";
import { setSourceEntitlement } from "./entitlements.js";

const CONTENT = new URL("../../../content", import.meta.url).pathname;
const ACCESS_KEYS = ["pulse_plus", "basic", "scholar", "full", "cpd"] as const;

describe.each(TEST_ENGINES)("entitlements open exactly their plan's levels (%s)", (engine) => {
  const clock = fixedClock(new Date("2026-05-04T09:00:00Z"));
  let t: TestApp;
  let staff: string;
  /** "program level-number" → the plans the content says open it. */
  let levelPlans: Map<string, string[]>;

  const catalog = async (cookie: string) =>
    (await t.app.inject({ method: "GET", url: "/api/academy/catalog", headers: { cookie } })).json() as CatalogResponse;
  const openLevels = async (cookie: string) =>
    (await catalog(cookie)).programs.flatMap((p) =>
      p.levels.filter((l) => l.lock.open).map((l) => `${p.key} ${l.number}`),
    );
  const expected = (key: string) => [...levelPlans].filter(([, plans]) => plans.includes(key)).map(([level]) => level);

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    await importContent(t.ctx, CONTENT);
    const admin = await buildUser(t.ctx);
    await ensurePlatformAdmin(t.ctx, { email: admin.email, password: "staff-password-1" });
    staff = `pulse_session=${(await openSession(t.ctx, admin.userId, { ip: null, userAgent: null })).token}`;
    // The content's own plan list of every level, read from the locks a person without plans sees.
    const nobody = await buildUser(t.ctx);
    levelPlans = new Map(
      (await catalog(nobody.cookie)).programs.flatMap((p) =>
        p.levels.map((l) => [`${p.key} ${l.number}`, l.lock.open ? ["open to all"] : l.lock.openedBy] as const),
      ),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it("the seed levels open as the memberships say (seed 002) and Pulse+ opens its three paths", () => {
    expect(expected("basic")).toEqual(["ccsmp 1"]);
    expect(expected("scholar")).toEqual(["ccsmp 1", "ccsmp 2", "ccsmp 3", "ccsmp 4"]);
    expect(expected("full")).toEqual(["ccsmp 1", "ccsmp 2", "ccsmp 3", "ccsmp 4", "ccsmp 5"]);
    expect(expected("cpd")).toEqual(["ccsmp 5"]);
    expect(expected("pulse_plus")).toEqual(["pulse-plus 1", "pulse-plus 2", "pulse-plus 3"]);
  });

  it.each(ACCESS_KEYS)("a staff grant of %s opens exactly its levels", async (key) => {
    const learner = await buildUser(t.ctx);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/admin/academy/memberships",
      headers: { cookie: staff },
      payload: { userId: learner.userId, plan: key },
    });
    expect(res.json()).toMatchObject({ plan: key, source: "staff_grant", active: true });
    expect(await openLevels(learner.cookie)).toEqual(expected(key));
  });

  it.each(ACCESS_KEYS)("a subscription's and a team seat's entitlement to %s open exactly its levels", async (key) => {
    const org = await buildOrganization(t.ctx);
    for (const source of ["subscription", "seat"] as const) {
      const learner = await buildUser(t.ctx);
      const now = clock.now();
      await setSourceEntitlement(t.ctx.database.db, {
        userId: learner.userId,
        accessKey: key,
        planId: null,
        source,
        sourceId: randomUUID(),
        orgId: source === "seat" ? org.orgId : null,
        startsAt: new Date(now.getTime() - 1000),
        endsAt: new Date(now.getTime() + 86_400_000),
        now,
      });
      expect(await openLevels(learner.cookie), source).toEqual(expected(key));
    }
  });

  it("an ended or future entitlement opens nothing; setting it again is an absolute state", async () => {
    const learner = await buildUser(t.ctx);
    const sourceId = randomUUID();
    const now = clock.now();
    const set = (startsAt: Date, endsAt: Date | null) =>
      setSourceEntitlement(t.ctx.database.db, {
        userId: learner.userId,
        accessKey: "full",
        planId: null,
        source: "subscription",
        sourceId,
        startsAt,
        endsAt,
        now,
      });
    await set(new Date(now.getTime() - 2000), new Date(now.getTime() - 1000));
    expect(await openLevels(learner.cookie)).toEqual([]);
    await set(new Date(now.getTime() + 1000), null);
    expect(await openLevels(learner.cookie)).toEqual([]);
    await set(new Date(now.getTime() - 1000), null);
    await set(new Date(now.getTime() - 1000), null);
    expect(await openLevels(learner.cookie)).toEqual(expected("full"));
  });
});
