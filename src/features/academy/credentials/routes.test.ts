import { eq } from "drizzle-orm";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { fixedClock } from "../../../kernel/clock.js";
import { ensurePlatformAdmin } from "../../accounts/identity/service.js";
import { levelCompletedEvent, moduleCompletedEvent } from "../learning/events.js";
import type { EvidencePage, MyCredentialList, VerifyResult } from "./contract.js";
import { credentialEvents, credentials } from "./schema.js";
import { issueForCompletion, renewCertification } from "./service.js";
import { bitIsSet, decodeStatusList, STATUS_LIST_SIZE } from "./status-list.js";
import { buildCredentialCatalog, recordAttempt, recordModuleCompleted } from "./testing/credential-fixture.js";

const START = new Date("2026-03-02T09:00:00Z");
const DAY = 86_400_000;

describe.each(TEST_ENGINES)("credentials (%s)", (engine) => {
  let t: TestApp;
  const clock = fixedClock(START);
  let catalog: Awaited<ReturnType<typeof buildCredentialCatalog>>;
  let learner: Awaited<ReturnType<typeof buildUser>>;
  let staffCookie: string;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    catalog = await buildCredentialCatalog(t.ctx.database.db);
    learner = await buildUser(t.ctx, { name: "Ada Lovelace", email: "ada@example.test" });
    const staff = await buildUser(t.ctx, { email: "cred-staff@example.test" });
    await ensurePlatformAdmin(t.ctx, { email: staff.email, password: "staff-password-1" });
    staffCookie = staff.cookie;
  });
  afterAll(async () => t?.close());

  const mine = async (cookie = learner.cookie) =>
    (await t.app.inject({ url: "/api/me/credentials", headers: { cookie } })).json() as MyCredentialList;
  const verify = async (credential: string, email?: string) => {
    const res = await t.app.inject({ method: "POST", url: "/api/credentials/verify", payload: { credential, email } });
    expect(res.statusCode).toBe(200);
    return res.json() as VerifyResult;
  };
  const jwtOf = async (id: string) =>
    (await t.ctx.database.db.select().from(credentials).where(eq(credentials.id, id)))[0]?.jwt as string;

  it("issues a module badge from the completion event, once, even when the event comes twice", async () => {
    const at = new Date(START.getTime() - DAY);
    await recordModuleCompleted(t.ctx.database.db, learner.userId, catalog.module1.id, at);
    await recordAttempt(
      t.ctx.database.db,
      learner.userId,
      catalog.moduleTest,
      60,
      new Date(at.getTime() - 3600_000),
      1,
    );
    await recordAttempt(t.ctx.database.db, learner.userId, catalog.moduleTest, 87, at, 2);
    const payload = {
      userId: learner.userId,
      moduleId: catalog.module1.id,
      statementId: crypto.randomUUID(),
      completedAt: at.toISOString(),
    };
    await t.ctx.jobs.send(moduleCompletedEvent, payload);
    await t.ctx.jobs.send(moduleCompletedEvent, payload);
    await t.ctx.jobs.drain();
    const again = await issueForCompletion(t.ctx, {
      userId: learner.userId,
      object: "module",
      objectId: catalog.module1.id,
      completedAt: at,
    });

    const list = await mine();
    const badges = list.credentials.filter((c) => c.kind === "badge");
    expect(badges).toHaveLength(1);
    const badge = badges[0];
    expect(again?.id).toBe(badge?.id);
    expect(badge).toMatchObject({
      title: "Module 1: Customer Success Fundamentals",
      programTitle: "Certified CSM Professional",
      holderName: "Ada Lovelace",
      status: "valid",
      validUntil: null,
      achievedAt: at.toISOString(),
    });
    // Evidence: the module's completion and its best module test result.
    expect(badge?.evidence.modules).toEqual([
      { id: catalog.module1.id, number: 1, title: "Customer Success Fundamentals", completedAt: at.toISOString() },
    ]);
    expect(badge?.evidence.exams).toMatchObject([
      { title: "Module 1 test", scorePercent: 87, passPercent: 70, passed: true },
    ]);
    const events = await t.ctx.database.db
      .select()
      .from(credentialEvents)
      .where(eq(credentialEvents.credentialId, badge?.id as string));
    expect(events.map((e) => e.kind)).toEqual(["issued"]);
  });

  it("verifies an issued credential as valid, against the JWKS too", async () => {
    const [badge] = (await mine()).credentials;
    const jwt = await jwtOf(badge?.id as string);
    const result = await verify(jwt, "ADA@example.test");
    expect(result.status).toBe("valid");
    expect(result.recipientMatches).toBe(true);
    expect(result.credential).toMatchObject({
      id: badge?.id,
      title: "Module 1: Customer Success Fundamentals",
      issuerName: "Pulse Academy",
      achievementType: "Badge",
      holderName: "Ada Lovelace",
      validUntil: null,
    });
    expect((await verify(jwt, "someone@else.test")).recipientMatches).toBe(false);

    const jwksRes = await t.app.inject({ url: "/.well-known/jwks.json" });
    expect(jwksRes.statusCode).toBe(200);
    const jwks = jwksRes.json() as { keys: { kid: string; kty: string; crv: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    expect(jwks.keys[0]?.d).toBeUndefined();
    const header = decodeProtectedHeader(jwt);
    expect(header).toMatchObject({ alg: "EdDSA", typ: "vc+jwt", kid: jwks.keys[0]?.kid });
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks as never), { typ: "vc+jwt", currentDate: START });
    expect(payload.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(payload["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    expect(payload.iss).toBe("http://pulse.test/api/credentials/issuer");
    const issuer = await t.app.inject({ url: "/api/credentials/issuer" });
    expect(issuer.json()).toMatchObject({ id: payload.iss, type: ["Profile"], name: "Pulse Academy" });
  });

  it("says tampered when one character of the payload changes, or for junk", async () => {
    const [badge] = (await mine()).credentials;
    const jwt = await jwtOf(badge?.id as string);
    const [h, p, s] = jwt.split(".") as [string, string, string];
    // Change a character in the middle: every one of its six bits is data (the last character of a
    // base64url text may carry padding bits only, so changing it can leave the bytes as they were).
    const flip = (text: string) => {
      const i = Math.floor(text.length / 2);
      return `${text.slice(0, i)}${text[i] === "A" ? "B" : "A"}${text.slice(i + 1)}`;
    };
    expect((await verify(`${h}.${flip(p)}.${s}`)).status).toBe("tampered");
    expect((await verify(`${h}.${p}.${flip(s)}`)).status).toBe("tampered");
    expect((await verify("not a credential")).status).toBe("tampered");
    expect((await verify('{"id":"data:application/vc+jwt,x.y.z"}')).status).toBe("tampered");
    const bad = await t.app.inject({ method: "POST", url: "/api/credentials/verify", payload: { credential: "" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("credential");
  });

  it("accepts the downloaded JSON (EnvelopedVerifiableCredential) for verification", async () => {
    const [badge] = (await mine()).credentials;
    const res = await t.app.inject({
      url: `/api/me/credentials/${badge?.id}/credential.json`,
      headers: { cookie: learner.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("attachment");
    const envelope = res.json() as { type: string; id: string };
    expect(envelope.type).toBe("EnvelopedVerifiableCredential");
    expect(envelope.id.startsWith("data:application/vc+jwt,")).toBe(true);
    expect((await verify(res.body)).status).toBe("valid");
  });

  it("issues the level certificate with modules and exams as evidence, never expiring", async () => {
    const at = new Date(START.getTime() - DAY / 2);
    await recordModuleCompleted(t.ctx.database.db, learner.userId, catalog.module2.id, at);
    await t.ctx.jobs.send(levelCompletedEvent, {
      userId: learner.userId,
      levelId: catalog.level1.id,
      statementId: crypto.randomUUID(),
      completedAt: at.toISOString(),
    });
    await t.ctx.jobs.drain();
    const cert = (await mine()).credentials.find((c) => c.kind === "certificate");
    expect(cert).toMatchObject({ title: "CCSMP Level 1 Certificate", validUntil: null, status: "valid" });
    expect(cert?.evidence.modules.map((m) => [m.number, Boolean(m.completedAt)])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(cert?.criteria).toContain("Complete all 2 modules of Foundations of Business-Centric Success");
    expect(cert?.linkedInUrl).not.toContain("expiration");
    expect(decodeJwt(await jwtOf(cert?.id as string)).exp).toBeUndefined();
  });

  it("issues the certification valid for 12 months from the achievement date; expires; renews", async () => {
    const at = new Date(START.getTime() - 3600_000);
    await recordAttempt(t.ctx.database.db, learner.userId, catalog.examA, 80, at);
    await recordAttempt(t.ctx.database.db, learner.userId, catalog.examB, 70, at);
    const row = await issueForCompletion(t.ctx, {
      userId: learner.userId,
      object: "level",
      objectId: catalog.level4.id,
      completedAt: at,
    });
    expect(row?.kind).toBe("certification");
    expect(row?.achievedAt.toISOString()).toBe(at.toISOString());
    expect(row?.validUntil?.toISOString()).toBe("2027-03-02T08:00:00.000Z");
    const summary = (await mine()).credentials.find((c) => c.kind === "certification");
    expect(summary?.evidence.exams.map((e) => [e.title, e.scorePercent, e.passed])).toEqual([
      ["Exam A", 80, true],
      ["Exam B", 70, true],
    ]);
    expect(summary?.criteria).toContain("40 hours of Continuing Professional Development");
    const linkedIn = new URL(summary?.linkedInUrl as string).searchParams;
    expect([linkedIn.get("expirationYear"), linkedIn.get("expirationMonth")]).toEqual(["2027", "3"]);
    const firstJwt = await jwtOf(row?.id as string);
    expect((await verify(firstJwt)).status).toBe("valid");

    clock.set(new Date("2027-03-03T00:00:00Z"));
    try {
      const expired = await verify(firstJwt);
      expect(expired.status).toBe("expired");
      const page = (await t.app.inject({ url: `/api/credentials/${row?.id}` })).json() as EvidencePage;
      expect(page.status).toBe("expired");

      // 40 CPD hours logged in the cycle that ended 2027-03-02: renewed to 2028.
      const renewed = await renewCertification(t.ctx, learner.userId, row?.validUntil as Date);
      expect(renewed.map((r) => r.validUntil?.toISOString())).toEqual(["2028-03-02T08:00:00.000Z"]);
      expect(await renewCertification(t.ctx, learner.userId, row?.validUntil as Date)).toEqual([]);
      const newJwt = await jwtOf(row?.id as string);
      expect(newJwt).not.toBe(firstJwt);
      expect((await verify(newJwt)).status).toBe("valid");
      expect((await verify(firstJwt)).status).toBe("expired");
      const events = await t.ctx.database.db
        .select()
        .from(credentialEvents)
        .where(eq(credentialEvents.credentialId, row?.id as string));
      expect(events.map((e) => e.kind)).toEqual(["issued", "renewed"]);
    } finally {
      clock.set(START);
    }
  });

  it("gives Pulse+ certifications no expiry, and issues nothing where nothing is earned", async () => {
    const other = await buildUser(t.ctx);
    const row = await issueForCompletion(t.ctx, {
      userId: other.userId,
      object: "level",
      objectId: catalog.plusLevel.id,
      completedAt: START,
    });
    expect(row?.validUntil).toBeNull();
    expect("validUntil" in decodeJwt(row?.jwt as string)).toBe(false);
    expect((await verify(row?.jwt as string)).status).toBe("valid");
    // Pulse+ gives no module badges; an unknown level earns nothing.
    const none = { userId: other.userId, completedAt: START };
    expect(await issueForCompletion(t.ctx, { ...none, object: "module", objectId: catalog.plusModule.id })).toBeNull();
    expect(await issueForCompletion(t.ctx, { ...none, object: "level", objectId: crypto.randomUUID() })).toBeNull();
    const all = await t.ctx.database.db.select().from(credentials).where(eq(credentials.userId, other.userId));
    expect(all.map((c) => c.kind)).toEqual(["certification"]);
  });

  it("revokes with a reason: revoked on verify, the evidence page, the holder's list and the status list", async () => {
    const cert = (await mine()).credentials.find((c) => c.kind === "certificate");
    const id = cert?.id as string;
    const jwt = await jwtOf(id);
    const denied = await t.app.inject({
      method: "POST",
      url: `/api/admin/credentials/${id}/revoke`,
      headers: { cookie: learner.cookie },
      payload: { reason: "Exam misconduct" },
    });
    expect(denied.statusCode).toBe(403);
    const tooShort = await t.app.inject({
      method: "POST",
      url: `/api/admin/credentials/${id}/revoke`,
      headers: { cookie: staffCookie },
      payload: { reason: " " },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields).toHaveProperty("reason");
    const res = await t.app.inject({
      method: "POST",
      url: `/api/admin/credentials/${id}/revoke`,
      headers: { cookie: staffCookie },
      payload: { reason: "Exam misconduct" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "revoked", revokedReason: "Exam misconduct" });
    const twice = await t.app.inject({
      method: "POST",
      url: `/api/admin/credentials/${id}/revoke`,
      headers: { cookie: staffCookie },
      payload: { reason: "Again" },
    });
    expect(twice.statusCode).toBe(409);

    const verified = await verify(jwt);
    expect(verified.status).toBe("revoked");
    expect(verified.credential?.revokedReason).toBe("Exam misconduct");
    const page = (await t.app.inject({ url: `/api/credentials/${id}` })).json() as EvidencePage;
    expect(page.status).toBe("revoked");
    expect((await mine()).credentials.find((c) => c.id === id)?.status).toBe("revoked");
    // Other credentials stay valid.
    expect((await mine()).credentials.find((c) => c.kind === "badge")?.status).toBe("valid");

    const status = decodeJwt(jwt).credentialStatus as { statusListCredential: string; statusListIndex: string };
    const listRes = await t.app.inject({ url: new URL(status.statusListCredential).pathname });
    expect(listRes.statusCode).toBe(200);
    expect(listRes.headers["content-type"]).toContain("application/vc+jwt");
    const jwks = createLocalJWKSet((await t.app.inject({ url: "/.well-known/jwks.json" })).json());
    const { payload } = await jwtVerify(listRes.body, jwks, { typ: "vc+jwt" });
    const subject = payload.credentialSubject as { type: string; statusPurpose: string; encodedList: string };
    expect(subject).toMatchObject({ type: "BitstringStatusList", statusPurpose: "revocation" });
    const bits = decodeStatusList(subject.encodedList);
    expect(bits.length * 8).toBe(STATUS_LIST_SIZE);
    expect(bitIsSet(bits, Number(status.statusListIndex))).toBe(true);
    const badge = (await mine()).credentials.find((c) => c.kind === "badge");
    const badgeIndex = Number(
      (decodeJwt(await jwtOf(badge?.id as string)).credentialStatus as { statusListIndex: string }).statusListIndex,
    );
    expect(bitIsSet(bits, badgeIndex)).toBe(false);
    expect((await t.app.inject({ url: "/api/credentials/status-lists/7" })).statusCode).toBe(404);

    const admin = await t.app.inject({ url: "/api/admin/credentials?q=ada", headers: { cookie: staffCookie } });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().credentials.length).toBeGreaterThanOrEqual(3);
  });

  it("shows the public evidence page signed out, with Open Graph tags; hidden -> 404 to others", async () => {
    const badge = (await mine()).credentials.find((c) => c.kind === "badge");
    const id = badge?.id as string;
    const page = await t.app.inject({ url: `/api/credentials/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ holderName: "Ada Lovelace", viewerIsHolder: false, status: "valid" });
    expect((page.json() as EvidencePage).jwt.split(".")).toHaveLength(3);
    const html = await t.app.inject({ url: `/evidence/${id}` });
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toContain("text/html");
    expect(html.body).toContain(
      '<meta property="og:title" content="Module 1: Customer Success Fundamentals: Ada Lovelace" />',
    );
    expect(html.body).toContain(`<meta property="og:url" content="http://pulse.test/evidence/${id}" />`);

    const hide = await t.app.inject({
      method: "PATCH",
      url: `/api/me/credentials/${id}`,
      headers: { cookie: learner.cookie },
      payload: { hidden: true },
    });
    expect(hide.statusCode).toBe(200);
    expect(hide.json().hidden).toBe(true);
    expect((await t.app.inject({ url: `/api/credentials/${id}` })).statusCode).toBe(404);
    const stranger = await buildUser(t.ctx);
    expect(
      (await t.app.inject({ url: `/api/credentials/${id}`, headers: { cookie: stranger.cookie } })).statusCode,
    ).toBe(404);
    const own = await t.app.inject({ url: `/api/credentials/${id}`, headers: { cookie: learner.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ hidden: true, viewerIsHolder: true });
    const hiddenHtml = await t.app.inject({ url: `/evidence/${id}` });
    expect(hiddenHtml.statusCode).toBe(404);
    expect(hiddenHtml.body).not.toContain("Ada Lovelace");
    // Someone else cannot change it.
    const foreign = await t.app.inject({
      method: "PATCH",
      url: `/api/me/credentials/${id}`,
      headers: { cookie: stranger.cookie },
      payload: { hidden: false },
    });
    expect(foreign.statusCode).toBe(404);
    await t.app.inject({
      method: "PATCH",
      url: `/api/me/credentials/${id}`,
      headers: { cookie: learner.cookie },
      payload: { hidden: false },
    });
    expect((await t.app.inject({ url: `/api/credentials/${id}` })).statusCode).toBe(200);
  });

  it("lets staff award a level's credential by key, once, with the award in its history", async () => {
    const person = await buildUser(t.ctx, { name: "Grace Hopper" });
    const award = (payload: object, cookie = staffCookie) =>
      t.app.inject({ method: "POST", url: "/api/admin/credentials/award", headers: { cookie }, payload });
    expect(
      (await award({ userId: person.userId, object: "level", key: catalog.level1.key }, person.cookie)).statusCode,
    ).toBe(403);
    const unknown = await award({ userId: person.userId, object: "level", key: "no.such.level" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ key: "no such key" });
    const nothing = await award({ userId: person.userId, object: "module", key: catalog.plusModule.key });
    expect(nothing.statusCode).toBe(422);
    const first = await award({ userId: person.userId, object: "level", key: catalog.level1.key });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      title: "CCSMP Level 1 Certificate",
      holderName: "Grace Hopper",
      status: "valid",
    });
    const second = await award({ userId: person.userId, object: "level", key: catalog.level1.key });
    expect(second.json().id).toBe(first.json().id);
    const [event] = await t.ctx.database.db
      .select()
      .from(credentialEvents)
      .where(eq(credentialEvents.credentialId, first.json().id));
    expect(event).toMatchObject({ kind: "issued", reason: "Awarded by Pulse Academy staff" });
    expect(event?.actorId).not.toBeNull();
    expect((await verify(await jwtOf(first.json().id), person.email)).status).toBe("valid");
  });

  it("renders the PDF certificate for its holder only", async () => {
    const cert = (await mine()).credentials.find((c) => c.kind === "certification");
    const res = await t.app.inject({
      url: `/api/me/credentials/${cert?.id}/certificate.pdf`,
      headers: { cookie: learner.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.length).toBeGreaterThan(2000);
    const stranger = await buildUser(t.ctx);
    const other = await t.app.inject({
      url: `/api/me/credentials/${cert?.id}/certificate.pdf`,
      headers: { cookie: stranger.cookie },
    });
    expect(other.statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/credentials/not-a-uuid" })).statusCode).toBe(400);
  });
});
