import { describe, expect, it } from "vitest";
import type { OrgRole } from "../../kernel/roles.js";
import { ActorCache, type CachedSession } from "./actor-cache.js";

const session = (userId: string, orgs: string[] = []): CachedSession => ({
  createdAt: new Date(0),
  expiresAt: new Date(8.64e15),
  lastSeenAt: new Date(0),
  actor: {
    userId,
    email: `${userId}@example.test`,
    name: userId,
    isPlatformAdmin: false,
    sessionId: `s-${userId}`,
    activeOrgId: orgs[0] ?? null,
    memberships: new Map(orgs.map((o) => [o, "member" as OrgRole])),
  },
});

describe("ActorCache", () => {
  it("keeps an entry for its ttl only, and nothing with ttl 0", () => {
    let now = 0;
    const cache = new ActorCache({ ttlMs: 5000, now: () => now });
    cache.set("a", session("u1"), cache.generation);
    now = 4999;
    expect(cache.get("a")?.actor.userId).toBe("u1");
    now = 5000;
    expect(cache.get("a")).toBeUndefined();
    const off = new ActorCache({ ttlMs: 0 });
    off.set("a", session("u1"), off.generation);
    expect(off.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entry beyond its size", () => {
    const cache = new ActorCache({ ttlMs: 60_000, maxEntries: 2 });
    cache.set("a", session("u1"), cache.generation);
    cache.set("b", session("u2"), cache.generation);
    cache.get("a");
    cache.set("c", session("u3"), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
  });

  it("forgets by session, user and organization, and refuses what was read before a forget", () => {
    const cache = new ActorCache({ ttlMs: 60_000 });
    cache.set("a", session("u1", ["o1"]), cache.generation);
    cache.set("b", session("u1"), cache.generation);
    cache.set("c", session("u2", ["o1"]), cache.generation);
    cache.set("d", session("u3", ["o2"]), cache.generation);
    cache.forgetSession("d");
    expect(cache.get("d")).toBeUndefined();
    cache.forgetUser("u1");
    expect([cache.get("a"), cache.get("b")]).toEqual([undefined, undefined]);
    expect(cache.get("c")).toBeDefined();
    cache.forgetOrganization("o1");
    expect(cache.get("c")).toBeUndefined();

    const readAt = cache.generation; // a request starts loading a session …
    cache.forgetUser("u9"); // … a change commits and forgets meanwhile …
    cache.set("e", session("u9"), readAt); // … so what it read is not kept
    expect(cache.get("e")).toBeUndefined();
  });
});
