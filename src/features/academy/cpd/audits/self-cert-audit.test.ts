import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { type Clock, fixedClock } from "../../../../kernel/clock.js";
import { ensurePlatformAdmin } from "../../../accounts/identity/service.js";
import { ensurePlan } from "../../catalog/service.js";
import type { Dashboard } from "../dashboard/contract.js";
import { runCpdDaily } from "../jobs.js";
import { cpdEvidence } from "../self-cert/schema.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";

const PDF = Buffer.from("%PDF-1.4\n% receipt\n").toString("base64");

describe.each(TEST_ENGINES)("self-certification and audits (%s)", (engine) => {
  let t: TestApp;
  let now = new Date("2026-03-02T09:00:00Z");
  let learner: Awaited<ReturnType<typeof buildUser>>;
  let other: Awaited<ReturnType<typeof buildUser>>;
  let staff: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    t = await buildTestApp({
      engine,
      clock: { ...fixedClock(now), now: () => new Date(now) } as Clock,
      sessionTtlHours: 24 * 400,
    });
    await buildCpdCatalog(t.ctx.database.db);
    learner = await buildUser(t.ctx, { email: "self-cert@example.test", name: "Ada Learner" });
    other = await buildUser(t.ctx, { email: "other-cert@example.test" });
    staff = await buildUser(t.ctx, { email: "cpd-staff@example.test" });
    await ensurePlatformAdmin(t.ctx, { email: staff.email, password: "staff-password-1" });
    await ensurePlan(t.ctx, learner.userId, "cpd");
    await ensurePlan(t.ctx, other.userId, "full");
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: object, cookie: string) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, payload });
  const valid = {
    contentType: "book",
    title: "The Customer Success Economy",
    provider: "Wiley",
    hours: 6,
    minutes: 30,
    completedOn: "2026-02-10",
    consent: true,
  };
  const time = async (cookie: string) =>
    (
      (
        await t.app.inject({ url: "/api/academy/cpd/dashboard?from=2026-01-01&to=2026-12-31", headers: { cookie } })
      ).json() as Dashboard
    ).time;

  it("names a field error for every broken rule", async () => {
    const res = await post(
      "/api/academy/cpd/self-certifications",
      {
        contentType: "tweet",
        title: " ",
        provider: "",
        hours: 101,
        minutes: 61,
        completedOn: "2026-13-01",
        consent: "yes",
      },
      learner.cookie,
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(
      ["completedOn", "consent", "contentType", "hours", "minutes", "provider", "title"].sort(),
    );
    const rules = await post(
      "/api/academy/cpd/self-certifications",
      { ...valid, hours: 0, minutes: 0, completedOn: "2026-03-03", consent: false },
      learner.cookie,
    );
    expect(rules.statusCode).toBe(400);
    expect(rules.json().error.fields).toEqual({
      minutes: "the duration must be above zero",
      completedOn: "must not be in the future",
      consent: "must be confirmed to add the hours and keep evidence for 12 months",
    });
    const old = await post(
      "/api/academy/cpd/self-certifications",
      { ...valid, completedOn: "2025-03-01" },
      learner.cookie,
    );
    expect(old.json().error.fields.completedOn).toMatch(/on or after 2025-03-02/);
    const fake = await post(
      "/api/academy/cpd/self-certifications",
      {
        ...valid,
        evidence: {
          fileName: "r.pdf",
          mediaType: "application/pdf",
          contentBase64: Buffer.from("MZ").toString("base64"),
        },
      },
      learner.cookie,
    );
    expect(fake.json().error.fields["evidence.contentBase64"]).toMatch(/not a PDF/);
  });

  it("counts the hours at once, keeps the evidence's hash, and deletes its content 12 months after completion", async () => {
    const res = await post(
      "/api/academy/cpd/self-certifications",
      { ...valid, evidence: { fileName: "receipt.pdf", mediaType: "application/pdf", contentBase64: PDF } },
      learner.cookie,
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: "Ada Learner", email: "self-cert@example.test", hours: 6, minutes: 30 });
    expect(body.evidence[0]).toMatchObject({ fileName: "receipt.pdf", deleteAfter: "2027-02-10", deleted: false });
    expect((await time(learner.cookie)).external).toBe(390);
    await post(
      "/api/academy/cpd/self-certifications",
      { ...valid, title: "Other", hours: 2, minutes: 0 },
      other.cookie,
    );

    now = new Date("2027-02-10T12:00:00Z");
    await runCpdDaily(t.ctx);
    const [kept] = await t.ctx.database.db.select().from(cpdEvidence);
    expect(kept).toMatchObject({ contentBase64: null, fileName: "receipt.pdf" });
    expect(kept?.sha256).toHaveLength(64);
    now = new Date("2026-03-02T09:00:00Z");
  });

  it("staff draw a reproducible sample; a rejection reverses the minutes; an unanswered request expires as rejected", async () => {
    const draw = (seed: string) =>
      post(
        "/api/admin/academy/cpd/audit-samples",
        { from: "2026-01-01", to: "2026-12-31", ratePercent: 100, seed },
        staff.cookie,
      );
    const bad = await post(
      "/api/admin/academy/cpd/audit-samples",
      { from: "2026-05-01", to: "2026-01-01" },
      staff.cookie,
    );
    expect(bad.json().error.fields.to).toMatch(/at least from/);
    expect(
      (await post("/api/admin/academy/cpd/audit-samples", { from: "2026-01-01", to: "2026-12-31" }, learner.cookie))
        .statusCode,
    ).toBe(403);

    const sample = await draw("seed-a");
    expect(sample.statusCode).toBe(201);
    const drawn = sample.json();
    expect(drawn).toMatchObject({ seed: "seed-a", population: 2, selected: 2, ratePercent: 100 });
    const mine = drawn.requests.find(
      (r: { selfCertification: { email: string } }) => r.selfCertification.email === learner.email,
    );
    const theirs = drawn.requests.find(
      (r: { selfCertification: { email: string } }) => r.selfCertification.email === other.email,
    );
    expect(mine.dueAt).toBe("2026-03-30T09:00:00.000Z");
    expect((await t.lastMailTo(learner.email))?.subject).toMatch(/CPD audit/);
    // already audited ones are not drawn again
    expect((await draw("seed-a")).json()).toMatchObject({ population: 0, selected: 0 });

    // another learner cannot answer it
    const upload = {
      note: "Receipt attached",
      evidence: { fileName: "r.pdf", mediaType: "application/pdf", contentBase64: PDF },
    };
    expect((await post(`/api/academy/cpd/audit-requests/${mine.id}/response`, upload, other.cookie)).statusCode).toBe(
      404,
    );
    const answered = await post(`/api/academy/cpd/audit-requests/${mine.id}/response`, upload, learner.cookie);
    expect(answered.json().status).toBe("submitted");

    const noReason = await post(
      `/api/admin/academy/cpd/audit-requests/${mine.id}/decision`,
      { decision: "reject", reason: "" },
      staff.cookie,
    );
    expect(noReason.json().error.fields.reason).toBe("is required");
    const rejected = await post(
      `/api/admin/academy/cpd/audit-requests/${mine.id}/decision`,
      { decision: "reject", reason: "The receipt names another person" },
      staff.cookie,
    );
    expect(rejected.json()).toMatchObject({ status: "rejected", reason: "The receipt names another person" });
    expect(rejected.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      "requested",
      "submitted",
      "rejected",
    ]);
    expect(rejected.json().selfCertification.reversed).toBe(true);
    expect((await time(learner.cookie)).external).toBe(0);
    const again = await post(
      `/api/admin/academy/cpd/audit-requests/${mine.id}/decision`,
      { decision: "accept", reason: "x" },
      staff.cookie,
    );
    expect(again.statusCode).toBe(409);

    now = new Date("2026-03-31T09:00:00Z");
    await runCpdDaily(t.ctx);
    const list = await t.app.inject({
      url: "/api/admin/academy/cpd/audit-requests?status=expired",
      headers: { cookie: staff.cookie },
    });
    const expired = list.json().items.find((r: { id: string }) => r.id === theirs.id);
    expect(expired.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(["requested", "expired"]);
    expect((await time(other.cookie)).external).toBe(0);
  });
});
