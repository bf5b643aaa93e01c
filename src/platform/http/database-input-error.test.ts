import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from "../../../test-support/test-db.js";
import { registerErrorHandler } from "./error-handler.js";

/** Statements each engine refuses with the SQLSTATE named, for values a request could carry. */
const REFUSED = {
  "22021": sql`select convert_from('\\x4100'::bytea, 'UTF8')`,
  "22P05": sql`select '"\\u0000"'::jsonb`,
  "22007": sql`select 'soon'::date`,
  "22008": sql`select make_date(0, 1, 1)`,
};

describe.each(TEST_ENGINES)("the error handler's safety net for values the database refuses, on %s", (engine) => {
  let testDb: TestDatabase;
  const app = Fastify({ logger: false });

  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    registerErrorHandler(app);
    app.get<{ Params: { code: keyof typeof REFUSED } }>("/refuse/:code", async (request) => {
      await testDb.database.db.execute(REFUSED[request.params.code]);
      return { ok: true };
    });
    app.get("/fail", async () => {
      await testDb.database.db.execute(sql`select 1 / 0`);
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await testDb?.drop();
  });

  it.each(Object.keys(REFUSED))("answers %s with 400 and a field error, not 500", async (code) => {
    const res = await app.inject({ method: "GET", url: `/refuse/${code}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "invalid_input",
      fields: { body: expect.stringMatching(/^contains/) },
    });
  });

  it("still answers 500 for other database errors", async () => {
    const res = await app.inject({ method: "GET", url: "/fail" });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("internal");
  });
});
