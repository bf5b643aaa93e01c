import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganization, buildUser, FACTORY_PASSWORD } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { addMember } from "../organizations/service.js";
import { sessions } from "./schema.js";
import { openSession } from "./service.js";

type Method = "GET" | "POST" | "PATCH" | "DELETE";
const call = (t: TestApp, method: Method, url: string, cookie: string, body?: object) =>
  t.app.inject({ method, url, payload: body, headers: { cookie } });

/** Statements the database received while fn ran (Drizzle and raw SQL alike). */
async function queriesDuring(t: TestApp, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = t.ctx.database.observeQueries((text) => seen.push(text));
  try {
    await fn();
  } finally {
    stop();
  }
  return seen;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(TEST_ENGINES)("the session cache on %s", (engine) => {
  const clock = fixedClock(new Date("2026-11-23T10:00:00Z"));
  let t: TestApp;
  let uncached: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine, clock, authCacheSeconds: 60 });
    uncached = await buildTestApp({ engine, clock, authCacheSeconds: 0 });
  });
  afterAll(async () => {
    await uncached?.close();
    await t?.close();
  });

  it("answers /api/me and the access check of a cached session without a query", async () => {
    const { orgId, owner } = await buildOrganization(t.ctx);
    expect((await call(t, "GET", "/api/me", owner.cookie)).statusCode).toBe(200);
    const sentForMe = await queriesDuring(t, async () => {
      for (let i = 0; i < 5; i++) {
        const me = await call(t, "GET", "/api/me", owner.cookie);
        expect(me.statusCode).toBe(200);
        expect(me.json().organizations).toEqual([expect.objectContaining({ id: orgId, role: "owner" })]);
      }
    });
    expect(sentForMe).toEqual([]);
    // An org route passes its access check from the cache: the one statement is the route's own member list.
    const sentForMembers = await queriesDuring(t, async () => {
      expect((await call(t, "GET", `/api/organizations/${orgId}/members`, owner.cookie)).statusCode).toBe(200);
    });
    expect(sentForMembers).toHaveLength(1);
    expect(sentForMembers[0]).not.toContain('"sessions"');
  });

  it("reads the session on every request with AUTH_CACHE_SECONDS=0 (the seam sees the query)", async () => {
    const user = await buildUser(uncached.ctx);
    await call(uncached, "GET", "/api/me", user.cookie);
    const sent = await queriesDuring(uncached, () => call(uncached, "GET", "/api/me", user.cookie));
    expect(sent.filter((q) => q.includes('"sessions"'))).toHaveLength(1);
  });

  it("honours a sign-out at once", async () => {
    const user = await buildUser(t.ctx);
    expect((await call(t, "GET", "/api/me", user.cookie)).statusCode).toBe(200);
    expect((await call(t, "POST", "/api/auth/logout", user.cookie)).statusCode).toBe(204);
    expect((await call(t, "GET", "/api/me", user.cookie)).statusCode).toBe(401);
  });

  it("ends the other sessions at once when the password changes, and a revoked session at once", async () => {
    const user = await buildUser(t.ctx);
    const second = `pulse_session=${(await openSession(t.ctx, user.userId, { ip: null, userAgent: "b" })).token}`;
    const third = `pulse_session=${(await openSession(t.ctx, user.userId, { ip: null, userAgent: "c" })).token}`;
    for (const cookie of [user.cookie, second, third]) {
      expect((await call(t, "GET", "/api/me", cookie)).statusCode).toBe(200);
    }
    const listed = (await call(t, "GET", "/api/me/sessions", user.cookie)).json().sessions as {
      id: string;
      userAgent: string;
    }[];
    const thirdId = listed.find((s) => s.userAgent === "c")?.id;
    expect((await call(t, "DELETE", `/api/me/sessions/${thirdId}`, user.cookie)).statusCode).toBe(204);
    expect((await call(t, "GET", "/api/me", third)).statusCode).toBe(401);

    const changed = await call(t, "POST", "/api/me/password", user.cookie, {
      currentPassword: FACTORY_PASSWORD,
      newPassword: "quiet lantern harbour 42",
    });
    expect(changed.statusCode).toBe(200);
    expect((await call(t, "GET", "/api/me", second)).statusCode).toBe(401);
    expect((await call(t, "GET", "/api/me", user.cookie)).statusCode).toBe(200);
  });

  it("applies a role change, a removal, a rename and a profile change at once", async () => {
    const { orgId, owner } = await buildOrganization(t.ctx);
    const member = await buildUser(t.ctx, { name: "Cached Admin" });
    await addMember(t.ctx.database.db, orgId, member.userId, "admin");
    const rename = (name: string) => call(t, "PATCH", `/api/organizations/${orgId}`, member.cookie, { name });
    expect((await rename("Renamed by admin")).statusCode).toBe(200);
    expect((await call(t, "GET", "/api/me", owner.cookie)).json().organizations[0].name).toBe("Renamed by admin");

    const demoted = await call(t, "PATCH", `/api/organizations/${orgId}/members/${member.userId}`, owner.cookie, {
      role: "member",
    });
    expect(demoted.statusCode).toBe(200);
    expect((await rename("Not allowed")).statusCode).toBe(403);
    expect((await call(t, "GET", "/api/me", member.cookie)).json().organizations[0].role).toBe("member");

    const profile = await call(t, "PATCH", "/api/me", member.cookie, { name: "New Name" });
    expect(profile.statusCode).toBe(200);
    expect((await call(t, "GET", "/api/me", member.cookie)).json().user.name).toBe("New Name");

    const removed = await call(t, "DELETE", `/api/organizations/${orgId}/members/${member.userId}`, owner.cookie);
    expect(removed.statusCode).toBe(204);
    expect((await call(t, "GET", `/api/organizations/${orgId}/members`, member.cookie)).statusCode).toBe(404);
    expect((await call(t, "GET", "/api/me", member.cookie)).json().organizations).toEqual([]);
  });

  it("judges a cached session's expiry by the app clock and slides it at most once a minute", async () => {
    const user = await buildUser(t.ctx);
    const sessionsOf = () =>
      t.ctx.database.db
        .select({ lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .where(eq(sessions.userId, user.userId));
    expect((await call(t, "GET", "/api/me", user.cookie)).statusCode).toBe(200);
    const writes = async () =>
      (
        await queriesDuring(t, async () => {
          for (let i = 0; i < 5; i++) {
            clock.advance(5_000);
            expect((await call(t, "GET", "/api/me", user.cookie)).statusCode).toBe(200);
          }
        })
      ).filter((q) => q.startsWith('update "sessions"'));
    expect(await writes()).toHaveLength(0); // 25 s of use: nothing written
    clock.advance(40_000);
    expect(await writes()).toHaveLength(1); // past the minute: one write, then quiet again
    expect((await sessionsOf())[0]?.lastSeenAt.getTime()).toBe(clock.now().getTime() - 20_000);
    clock.advance(25 * 3600_000); // past the 24 h idle timeout: the cached entry does not outlive it
    expect((await call(t, "GET", "/api/me", user.cookie)).statusCode).toBe(401);
  });
});

describe.runIf(TEST_ENGINES.includes("postgres"))("two processes on one PostgreSQL database", () => {
  const TTL_SECONDS = 1;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await buildTestApp({ engine: "postgres", authCacheSeconds: TTL_SECONDS });
    b = await buildTestApp({ engine: "postgres", authCacheSeconds: TTL_SECONDS, joinDatabase: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("honours a sign-out and a role change made in the other process once its cache entry is older than the ttl", async () => {
    const { orgId, owner } = await buildOrganization(a.ctx);
    const member = await buildUser(a.ctx);
    await addMember(a.ctx.database.db, orgId, member.userId, "admin");
    const members = `/api/organizations/${orgId}/members/${member.userId}`;
    expect((await call(b, "GET", "/api/me", owner.cookie)).statusCode).toBe(200);
    expect((await call(b, "GET", "/api/me", member.cookie)).json().organizations[0].role).toBe("admin");

    const startedAt = performance.now();
    expect((await call(a, "POST", "/api/auth/logout", owner.cookie)).statusCode).toBe(204);
    expect((await call(a, "GET", "/api/me", owner.cookie)).statusCode).toBe(401);
    // Within the ttl the other process may still answer from its cache (that is the stated staleness) …
    if (performance.now() - startedAt < TTL_SECONDS * 500) {
      expect((await call(b, "GET", "/api/me", owner.cookie)).statusCode).toBe(200);
    }
    await pause(TTL_SECONDS * 1000 + 100);
    // … and after it, never.
    expect((await call(b, "GET", "/api/me", owner.cookie)).statusCode).toBe(401);

    const ownerAgain = `pulse_session=${(await openSession(a.ctx, owner.userId, { ip: null, userAgent: "a" })).token}`;
    expect((await call(b, "GET", "/api/me", member.cookie)).statusCode).toBe(200);
    expect((await call(a, "PATCH", members, ownerAgain, { role: "member" })).statusCode).toBe(200);
    await pause(TTL_SECONDS * 1000 + 100);
    expect((await call(b, "GET", "/api/me", member.cookie)).json().organizations[0].role).toBe("member");
    expect((await call(b, "PATCH", `/api/organizations/${orgId}`, member.cookie, { name: "No" })).statusCode).toBe(403);
  });
});
