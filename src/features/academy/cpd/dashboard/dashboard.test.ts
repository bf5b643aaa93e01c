import { and, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { fixedClock } from "../../../../kernel/clock.js";
import { ensurePlan } from "../../catalog/service.js";
import { credentialEvents, credentials } from "../../credentials/schema.js";
import { issueForCompletion } from "../../credentials/service.js";
import { recordCpdMinutes } from "../service.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";
import type { Dashboard } from "./contract.js";

describe.each(TEST_ENGINES)("CPD dashboard and recertification (%s)", (engine) => {
  let t: TestApp;
  let catalog: Awaited<ReturnType<typeof buildCpdCatalog>>;
  let holder: Awaited<ReturnType<typeof buildUser>>;
  let basic: Awaited<ReturnType<typeof buildUser>>;
  let certificationId: string;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock: fixedClock(new Date("2026-03-02T09:00:00Z")) });
    catalog = await buildCpdCatalog(t.ctx.database.db);
    holder = await buildUser(t.ctx, { email: "holder@example.test", name: "Level Four" });
    basic = await buildUser(t.ctx, { email: "basic@example.test" });
    await ensurePlan(t.ctx, holder.userId, "full");
    await ensurePlan(t.ctx, basic.userId, "basic");
    const issued = await issueForCompletion(t.ctx, {
      userId: holder.userId,
      object: "level",
      objectId: catalog.level4.id,
      completedAt: "2025-06-01T10:00:00Z",
    });
    certificationId = issued?.id as string;
  });
  afterAll(async () => t?.close());

  const dashboard = async (query = "", cookie = holder.cookie) => {
    const res = await t.app.inject({ url: `/api/academy/cpd/dashboard${query}`, headers: { cookie } });
    return res;
  };
  const record = (sourceKey: string, source: "library" | "external" | "live", minutes: number, on: string) =>
    recordCpdMinutes(t.ctx, undefined, {
      userId: holder.userId,
      program: { key: "ccsmp" },
      source,
      sourceKey,
      title: `Learning ${sourceKey}`,
      assetType: source === "external" ? "book" : "video",
      activityType: "completed",
      minutes,
      occurredAt: on,
    });
  const renewals = async () =>
    t.ctx.database.db
      .select()
      .from(credentialEvents)
      .where(and(eq(credentialEvents.credentialId, certificationId), eq(credentialEvents.kind, "renewed")));

  it("is closed to plans that do not open Level 5, and names field errors", async () => {
    const closed = await dashboard("", basic.cookie);
    expect(closed.statusCode).toBe(403);
    const upside = await dashboard("?from=2026-03-01&to=2026-01-01");
    expect(upside.statusCode).toBe(400);
    expect(upside.json().error.fields.to).toMatch(/at least from/);
  });

  it("shows the Level 4 holder's cycle with nothing applied yet", async () => {
    const res = await dashboard();
    expect(res.statusCode).toBe(200);
    const body = res.json() as Dashboard;
    expect(body.recertification).toMatchObject({
      achievedOn: "2025-06-01",
      anniversaryOn: "2026-06-01",
      expiresOn: "2026-06-01",
      requiredMinutes: 2400,
      appliedMinutes: 0,
      remainingMinutes: 2400,
      standing: "on_track", // 91 days before expiry: "due" starts at 90
    });
    expect(body.time).toEqual({
      from: "2025-06-01",
      to: "2026-05-31",
      library: 0,
      live: 0,
      workshops: 0,
      paths: 0,
      external: 0,
      total: 0,
    });
    expect(body.level5).toMatchObject({ met: false, credentialId: null });
  });

  it("crossing 40 h renews the certification once and issues the Level 5 certificate", async () => {
    await record("external:a", "external", 2000, "2026-01-10");
    await record("library:b", "library", 300, "2026-02-20");
    await record("live:c", "live", 100, "2025-07-01");
    await t.ctx.jobs.drain();
    const [row] = await t.ctx.database.db.select().from(credentials).where(eq(credentials.id, certificationId));
    expect(row?.validUntil?.toISOString()).toBe("2027-06-01T10:00:00.000Z");
    expect(await renewals()).toHaveLength(1);

    const body = (await dashboard()).json() as Dashboard;
    expect(body.recertification).toMatchObject({
      expiresOn: "2027-06-01",
      anniversaryOn: "2026-06-01",
      appliedMinutes: 2400,
      remainingMinutes: 0,
      standing: "on_track",
    });
    expect(body.time).toMatchObject({ library: 300, live: 100, external: 2000, total: 2400 });
    expect(body.activity.total).toBe(3);
    expect(body.activity.items.map((i) => i.completedOn)).toEqual(["2026-02-20", "2026-01-10", "2025-07-01"]);
    expect(body.level5?.met).toBe(true);
    expect(body.level5?.credentialId).toBeTruthy();

    // more minutes and more job runs renew nothing again
    await record("library:d", "library", 60, "2026-02-21");
    await t.ctx.jobs.drain();
    expect(await renewals()).toHaveLength(1);
    const month = (await dashboard("?from=2026-02-01&to=2026-02-28")).json() as Dashboard;
    expect(month.time).toMatchObject({ from: "2026-02-01", to: "2026-02-28", library: 360, external: 0, total: 360 });
  });

  it("exports the record as CSV and as a PDF transcript", async () => {
    const csv = await t.app.inject({ url: "/api/academy/cpd/record.csv", headers: { cookie: holder.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("Date,Title,Source,Asset type,Activity type,Minutes,Hours,Reverses entry,Entry id");
    expect(lines).toHaveLength(6); // header, four entries, total
    expect(lines.at(-1)).toMatch(/^Total,,,,,2460,41\.00/);
    const pdf = await t.app.inject({ url: "/api/academy/cpd/transcript.pdf", headers: { cookie: holder.cookie } });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload) }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => (i as TextItem).str).join(" ");
    expect(text).toContain("Level Four");
    expect(text).toContain("expires 2027-06-01");
    expect(text).toContain("External CPD: 33h 20m");
    expect(
      (await t.app.inject({ url: "/api/academy/cpd/record.csv", headers: { cookie: basic.cookie } })).statusCode,
    ).toBe(403);
  });
});
