import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { buildApp } from "../../../app.js";
import { ensurePlatformAdmin, openSession } from "../../accounts/identity/service.js";
import { grantPlan } from "../assessments/testing/catalog-fixture.js";
import { importContent } from "./service.js";

const FIXTURES = new URL("./fixtures", import.meta.url).pathname;

/**
 * Course downloads are gated like the lessons they belong to: the mini workbook belongs to Level 1 (Basic,
 * Scholar or Full); the mini tool is marked `public: true` in the content.
 */
describe.each(TEST_ENGINES)("course downloads by plan (%s)", (engine) => {
  let t: TestApp;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const download = (url: string, cookie?: string) =>
    app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
  const withPlan = async (plan: string) => {
    const user = await buildUser(t.ctx);
    await grantPlan(t.ctx.database.db, user.userId, plan, new Date(Date.now() - 3_600_000));
    return user;
  };

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    await importContent(t.ctx, FIXTURES);
    app = await buildApp({ ctx: t.ctx, logLevel: "silent", webDist: "/nonexistent", contentDirs: [FIXTURES] });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it("no plan, or a plan that does not open the level: 403 naming the plans; the level's plan and staff: 200", async () => {
    const workbook = "/downloads/mini-workbook.md";
    const nobody = await buildUser(t.ctx);
    for (const cookie of [nobody.cookie, (await withPlan("cpd")).cookie]) {
      const refused = await download(workbook, cookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({
        code: "forbidden",
        message:
          "This download belongs to a locked level. Opens with the CCSMP Basic, CCSMP Scholar or CCSMP Full membership.",
      });
      expect(refused.body).not.toContain("Mini workbook");
    }
    const basic = await download(workbook, (await withPlan("basic")).cookie);
    expect(basic.statusCode).toBe(200);
    expect(basic.headers["content-disposition"]).toBe('attachment; filename="mini-workbook.md"');
    const admin = await buildUser(t.ctx, { email: `staff-downloads-${engine}@example.test` });
    await ensurePlatformAdmin(t.ctx, { email: admin.email, password: "staff-password-1" });
    const staff = `pulse_session=${(await openSession(t.ctx, admin.userId, { ip: null, userAgent: null })).token}`;
    expect((await download(workbook, staff)).statusCode).toBe(200);
    expect((await download(workbook)).statusCode).toBe(401);
  });

  it("a file the content marks public needs no plan and no sign-in; a file no course links is not found", async () => {
    const tool = await download("/downloads/mini-tool.md");
    expect(tool.statusCode).toBe(200);
    expect(tool.headers["content-disposition"]).toBe('attachment; filename="mini-tool.md"');
    const basic = (await withPlan("basic")).cookie;
    for (const url of ["/downloads/no-such-file.md", "/downloads/..%2f..%2fpackage.json"]) {
      const res = await download(url, basic);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
  });
});
