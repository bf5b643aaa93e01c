import { eq } from "drizzle-orm";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { createTestDatabase, TEST_ENGINES } from "../../../../test-support/test-db.js";
import { buildApp } from "../../../app.js";
import { fixedClock } from "../../../kernel/clock.js";
import type { Database } from "../../../platform/db/database.js";
import { startRuntime } from "../../../runtime.js";
import type { VerifyResult } from "./contract.js";
import { credentials } from "./schema.js";
import { issueForCompletion } from "./service.js";
import { buildCredentialCatalog } from "./testing/credential-fixture.js";

const quietLog = { info: () => {}, error: () => {} };
const ISSUER = "https://issuer.pulse.test";
const ISSUER_ID = `${ISSUER}/api/credentials/issuer`;

/** One server process over a database that outlives it, with the site and issuer addresses given. */
async function startServer(database: Database, urls: { appUrl: string; issuerUrl?: string }) {
  const runtime = await startRuntime({
    database,
    log: quietLog,
    clock: fixedClock(new Date("2026-03-02T09:00:00Z")),
    transport: null,
    config: {
      ...urls,
      mailFrom: "Pulse <no-reply@pulse.test>",
      dataDir: "memory://",
      sessionTtlHours: 24,
      loginMaxFailuresPerEmail: 5,
      loginFailureWindowMinutes: 15,
    },
  });
  const app = await buildApp({ ctx: runtime.ctx, logLevel: "silent", webDist: "/nonexistent" });
  await app.ready();
  return {
    ctx: runtime.ctx,
    verify: async (credential: string) =>
      (
        await app.inject({ method: "POST", url: "/api/credentials/verify", payload: { credential } })
      ).json() as VerifyResult,
    get: async (url: string) => (await app.inject({ url })).json(),
    stop: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

describe.each(TEST_ENGINES)("the credential issuer id across a move of the site (%s)", (engine) => {
  it("keeps ISSUER_URL as the issuer id and verifies earlier credentials after APP_URL changes", async () => {
    const testDb = await createTestDatabase(engine);
    try {
      const first = await startServer(testDb.database, { appUrl: "http://old.pulse.test", issuerUrl: ISSUER });
      const catalog = await buildCredentialCatalog(first.ctx.database.db);
      const learner = await buildUser(first.ctx);
      const completion = (moduleId: string) => ({
        userId: learner.userId,
        object: "module" as const,
        objectId: moduleId,
        completedAt: "2026-03-01T10:00:00Z",
      });
      const issued = await issueForCompletion(first.ctx, completion(catalog.module1.id));
      const oldJwt = issued?.jwt as string;
      expect(decodeJwt(oldJwt)).toMatchObject({
        iss: ISSUER_ID,
        issuer: { id: ISSUER_ID, url: "http://old.pulse.test" },
      });
      await first.stop();

      // The site moves; ISSUER_URL stays.
      const second = await startServer(testDb.database, { appUrl: "https://new.pulse.test", issuerUrl: ISSUER });
      const verified = await second.verify(oldJwt);
      expect(verified).toMatchObject({ status: "valid", credential: { issuerId: ISSUER_ID } });
      expect(verified.credential?.evidenceUrl).toBe(`https://new.pulse.test/evidence/${issued?.id}`);
      const next = await issueForCompletion(second.ctx, completion(catalog.module2.id));
      expect(decodeJwt(next?.jwt as string)).toMatchObject({
        iss: ISSUER_ID,
        issuer: { id: ISSUER_ID, url: "https://new.pulse.test" },
      });
      expect((await second.get("/api/credentials/issuer")).id).toBe(ISSUER_ID);
      await second.stop();

      // Even with the issuer id changed too, the earlier credential's key stays published and it verifies.
      const third = await startServer(testDb.database, { appUrl: "https://third.pulse.test" });
      const { kid } = decodeProtectedHeader(oldJwt);
      const jwks = (await third.get("/.well-known/jwks.json")) as { keys: { kid: string }[] };
      expect(jwks.keys.map((k) => k.kid)).toContain(kid);
      expect((await third.verify(oldJwt)).status).toBe("valid");
      const stored = await third.ctx.database.db
        .select()
        .from(credentials)
        .where(eq(credentials.id, issued?.id ?? ""));
      expect(stored[0]?.jwt).toBe(oldJwt);
      await third.stop();
    } finally {
      await testDb.drop();
    }
  });
});
