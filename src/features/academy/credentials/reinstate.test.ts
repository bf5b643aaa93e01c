import { eq } from "drizzle-orm";
import { createLocalJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { ensurePlatformAdmin } from "../../accounts/identity/service.js";
import type { CredentialSummary, EvidencePage, MyCredentialList, VerifyResult } from "./contract.js";
import { credentialEvents, credentials } from "./schema.js";
import { issueForCompletion } from "./service.js";
import { bitIsSet, decodeStatusList } from "./status-list.js";
import { buildCredentialCatalog, recordAttempt } from "./testing/credential-fixture.js";

const START = new Date("2026-03-02T09:00:00Z");

describe.each(TEST_ENGINES)("credential reinstatement (%s)", (engine) => {
  let t: TestApp;
  const clock = fixedClock(START);
  let catalog: Awaited<ReturnType<typeof buildCredentialCatalog>>;
  let learner: Awaited<ReturnType<typeof buildUser>>;
  let staff: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    catalog = await buildCredentialCatalog(t.ctx.database.db);
    learner = await buildUser(t.ctx, { name: "Katherine Johnson", email: "katherine@example.test" });
    staff = await buildUser(t.ctx, { email: "reinstate-staff@example.test" });
    await ensurePlatformAdmin(t.ctx, { email: staff.email, password: "staff-password-1" });
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: object, cookie = staff.cookie) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, payload });
  const reinstate = (id: string, reason: string, cookie = staff.cookie) =>
    post(`/api/admin/credentials/${id}/reinstate`, { reason }, cookie);
  const revoke = (id: string, reason: string) => post(`/api/admin/credentials/${id}/revoke`, { reason });
  const verify = async (credential: string) => {
    const res = await t.app.inject({ method: "POST", url: "/api/credentials/verify", payload: { credential } });
    expect(res.statusCode).toBe(200);
    return res.json() as VerifyResult;
  };
  const rowOf = async (id: string) =>
    (await t.ctx.database.db.select().from(credentials).where(eq(credentials.id, id)))[0];
  const eventsOf = (id: string) =>
    t.ctx.database.db
      .select()
      .from(credentialEvents)
      .where(eq(credentialEvents.credentialId, id))
      .orderBy(credentialEvents.at);
  /** The credential's bit in its (signed) status list, as a verifier would read it. */
  const statusBit = async (jwt: string) => {
    const entry = decodeJwt(jwt).credentialStatus as { statusListCredential: string; statusListIndex: string };
    const list = await t.app.inject({ url: new URL(entry.statusListCredential).pathname });
    expect(list.statusCode).toBe(200);
    const jwks = createLocalJWKSet((await t.app.inject({ url: "/.well-known/jwks.json" })).json());
    const { payload } = await jwtVerify(list.body, jwks, { typ: "vc+jwt" });
    const encoded = (payload.credentialSubject as { encodedList: string }).encodedList;
    return bitIsSet(decodeStatusList(encoded), Number(entry.statusListIndex));
  };

  it("lifts a revocation: the same signed VC-JWT verifies valid again everywhere, with the history kept", async () => {
    const award = await post("/api/admin/credentials/award", {
      userId: learner.userId,
      object: "level",
      key: catalog.level1.key,
    });
    expect(award.statusCode).toBe(200);
    const id = (award.json() as CredentialSummary).id;
    const jwt = (await rowOf(id))?.jwt as string;
    expect((await verify(jwt)).status).toBe("valid");
    expect(await statusBit(jwt)).toBe(false);

    // Nothing to reinstate yet; only platform admins may; the reason is required; unknown ids are 404.
    const notRevoked = await reinstate(id, "Revoked by mistake");
    expect(notRevoked.statusCode).toBe(409);
    expect(notRevoked.json().error.message).toContain("not revoked");
    expect((await revoke(id, "Suspected exam misconduct")).statusCode).toBe(200);
    expect((await verify(jwt)).status).toBe("revoked");
    expect(await statusBit(jwt)).toBe(true);
    expect((await reinstate(id, "Revoked by mistake", learner.cookie)).statusCode).toBe(403);
    const signedOut = await t.app.inject({
      method: "POST",
      url: `/api/admin/credentials/${id}/reinstate`,
      payload: { reason: "Revoked by mistake" },
    });
    expect(signedOut.statusCode).toBe(401);
    const empty = await reinstate(id, "  ");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty("reason");
    expect((await reinstate(crypto.randomUUID(), "Revoked by mistake")).statusCode).toBe(404);
    expect((await verify(jwt)).status).toBe("revoked");

    // Awarding it again does not lift the revocation: 409, naming what to do instead.
    const again = await post("/api/admin/credentials/award", {
      userId: learner.userId,
      object: "level",
      key: catalog.level1.key,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already holds "CCSMP Level 1 Certificate", but it was revoked/);
    expect(again.json().error.message).toContain("Suspected exam misconduct");
    expect(again.json().error.message).toContain("Reinstate it");

    clock.set(new Date(START.getTime() + 3600_000));
    const res = await reinstate(id, "  Audit cleared the learner  ");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: "valid", revokedAt: null, revokedReason: null });

    // The very same JWT (never re-signed) verifies valid again: only its status list bit changed.
    const row = await rowOf(id);
    expect(row?.jwt).toBe(jwt);
    expect(row).toMatchObject({ revokedAt: null, revokedReason: null, revokedBy: null });
    const verified = await verify(jwt);
    expect(verified.status).toBe("valid");
    expect(verified.credential).toMatchObject({ revokedAt: null, revokedReason: null });
    expect(await statusBit(jwt)).toBe(false);
    const page = (await t.app.inject({ url: `/api/credentials/${id}` })).json() as EvidencePage;
    expect(page).toMatchObject({ status: "valid", revokedReason: null, jwt });
    const mine = (
      await t.app.inject({ url: "/api/me/credentials", headers: { cookie: learner.cookie } })
    ).json() as MyCredentialList;
    expect(mine.credentials.find((c) => c.id === id)?.status).toBe("valid");

    // Append-only history: the revocation stays, the reinstatement is added with its actor and reason.
    const events = await eventsOf(id);
    expect(events.map((e) => [e.kind, e.reason])).toEqual([
      ["issued", "Awarded by Pulse Academy staff"],
      ["revoked", "Suspected exam misconduct"],
      ["reinstated", "Audit cleared the learner"],
    ]);
    expect(events[2]?.actorId).toBe(staff.userId);
    expect(events[2]?.at.toISOString()).toBe(clock.now().toISOString());

    // Twice is a conflict; awarding is idempotent again; it can be revoked again later.
    expect((await reinstate(id, "Once more")).statusCode).toBe(409);
    const awardedAgain = await post("/api/admin/credentials/award", {
      userId: learner.userId,
      object: "level",
      key: catalog.level1.key,
    });
    expect(awardedAgain.statusCode).toBe(200);
    expect(awardedAgain.json().id).toBe(id);
    expect((await revoke(id, "Second audit")).statusCode).toBe(200);
    expect((await verify(jwt)).status).toBe("revoked");
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["issued", "revoked", "reinstated", "revoked"]);
    clock.set(START);
  });

  it("says expired, not valid, when the reinstated certification's validUntil has passed", async () => {
    const at = new Date(START.getTime() - 3600_000);
    await recordAttempt(t.ctx.database.db, learner.userId, catalog.examA, 90, at);
    await recordAttempt(t.ctx.database.db, learner.userId, catalog.examB, 90, at);
    const row = await issueForCompletion(t.ctx, {
      userId: learner.userId,
      object: "level",
      objectId: catalog.level4.id,
      completedAt: at,
    });
    expect(row?.validUntil?.toISOString()).toBe("2027-03-02T08:00:00.000Z");
    const id = row?.id as string;
    expect((await revoke(id, "Exam answers shared")).statusCode).toBe(200);
    clock.set(new Date("2027-04-01T00:00:00Z"));
    try {
      // A year on, the first staff session has expired: a fresh one.
      const lateStaff = await buildUser(t.ctx, { email: "reinstate-staff-2027@example.test" });
      await ensurePlatformAdmin(t.ctx, { email: lateStaff.email, password: "staff-password-1" });
      const res = await reinstate(id, "Appeal upheld", lateStaff.cookie);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: "expired", revokedAt: null });
      const verified = await verify(row?.jwt as string);
      expect(verified.status).toBe("expired");
      expect(verified.reason).toContain("2027-03-02");
      expect(await statusBit(row?.jwt as string)).toBe(false);
    } finally {
      clock.set(START);
    }
  });
});
