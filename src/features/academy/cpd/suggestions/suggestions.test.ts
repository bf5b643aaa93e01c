import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { ensurePlatformAdmin } from "../../../accounts/identity/service.js";
import { ensurePlan } from "../../catalog/service.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";
import type { StaffSuggestionView, SuggestionView } from "./contract.js";
import { cpdSuggestionStatusLog, cpdSuggestionVotes } from "./schema.js";

describe.each(TEST_ENGINES)("CPD topic suggestions (%s)", (engine) => {
  let t: TestApp;
  let author: Awaited<ReturnType<typeof buildUser>>;
  let fan: Awaited<ReturnType<typeof buildUser>>;
  let other: Awaited<ReturnType<typeof buildUser>>;
  let outsider: Awaited<ReturnType<typeof buildUser>>;
  let staff: Awaited<ReturnType<typeof buildUser>>;
  let suggestion: SuggestionView;

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    await buildCpdCatalog(t.ctx.database.db);
    author = await buildUser(t.ctx, { email: "suggest-author@example.test", name: "Ada Author" });
    fan = await buildUser(t.ctx, { email: "suggest-fan@example.test" });
    other = await buildUser(t.ctx, { email: "suggest-other@example.test" });
    outsider = await buildUser(t.ctx, { email: "suggest-outsider@example.test" });
    staff = await buildUser(t.ctx, { email: "suggest-staff@example.test" });
    await ensurePlatformAdmin(t.ctx, { email: staff.email, password: "staff-password-1" });
    await ensurePlan(t.ctx, author.userId, "cpd");
    await ensurePlan(t.ctx, fan.userId, "full");
    await ensurePlan(t.ctx, other.userId, "cpd");
  });
  afterAll(async () => t?.close());

  const call = (method: "GET" | "POST" | "DELETE" | "PATCH", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const valid = {
    kind: "mini_course",
    title: "Renewal forecasting for CSMs",
    covers: "Building a renewal forecast from health scores",
    why: "We are asked for forecasts every quarter",
  };

  it("names a field error for every broken field", async () => {
    const res = await call("POST", "/api/academy/cpd/suggestions", author.cookie, {
      kind: "podcast",
      title: " ",
      covers: "",
      why: "x".repeat(4001),
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["covers", "kind", "title", "why"]);
  });

  it("is open to Level 5 plans only", async () => {
    const res = await call("POST", "/api/academy/cpd/suggestions", outsider.cookie, valid);
    expect(res.statusCode).toBe(403);
  });

  it("stores a suggestion as submitted and lists it as the author's", async () => {
    const res = await call("POST", "/api/academy/cpd/suggestions", author.cookie, valid);
    expect(res.statusCode).toBe(201);
    suggestion = res.json();
    expect(suggestion).toMatchObject({ ...valid, status: "submitted", staffNote: null, votes: 0, mine: true });
    const mine = (await call("GET", "/api/academy/cpd/suggestions/mine", author.cookie)).json().items;
    expect(mine.map((s: SuggestionView) => s.id)).toEqual([suggestion.id]);
    expect((await call("GET", "/api/academy/cpd/suggestions/mine", fan.cookie)).json().items).toEqual([]);
    const toSupport = (await call("GET", "/api/academy/cpd/suggestions", fan.cookie)).json().items;
    expect(toSupport.map((s: SuggestionView) => s.id)).toContain(suggestion.id);
    const ownList = (await call("GET", "/api/academy/cpd/suggestions", author.cookie)).json().items;
    expect(ownList.map((s: SuggestionView) => s.id)).not.toContain(suggestion.id);
  });

  it("counts one vote per user, never the author's own", async () => {
    const url = `/api/academy/cpd/suggestions/${suggestion.id}/vote`;
    const own = await call("POST", url, author.cookie);
    expect(own.statusCode).toBe(400);
    expect(own.json().error.fields).toHaveProperty("suggestionId");
    expect((await call("POST", url, fan.cookie)).json()).toMatchObject({ votes: 1, supported: true });
    expect((await call("POST", url, fan.cookie)).json()).toMatchObject({ votes: 1, supported: true });
    expect((await call("POST", url, other.cookie)).json()).toMatchObject({ votes: 2 });
    const rows = await t.ctx.database.db
      .select()
      .from(cpdSuggestionVotes)
      .where(and(eq(cpdSuggestionVotes.suggestionId, suggestion.id), eq(cpdSuggestionVotes.userId, fan.userId)));
    expect(rows).toHaveLength(1);
    await expect(
      t.ctx.database.db
        .insert(cpdSuggestionVotes)
        .values({ suggestionId: suggestion.id, userId: fan.userId, createdAt: new Date() }),
    ).rejects.toThrow();
    expect((await call("DELETE", url, other.cookie)).json()).toMatchObject({ votes: 1, supported: false });
    const missing = await call(
      "POST",
      "/api/academy/cpd/suggestions/00000000-0000-4000-8000-000000000000/vote",
      fan.cookie,
    );
    expect(missing.statusCode).toBe(404);
    expect((await call("POST", "/api/academy/cpd/suggestions/not-an-id/vote", fan.cookie)).statusCode).toBe(400);
  });

  it("ranks suggestions by votes for staff only", async () => {
    const second = (
      await call("POST", "/api/academy/cpd/suggestions", fan.cookie, { ...valid, kind: "guest", title: "A guest CCO" })
    ).json() as SuggestionView;
    await call("POST", `/api/academy/cpd/suggestions/${second.id}/vote`, author.cookie);
    await call("POST", `/api/academy/cpd/suggestions/${second.id}/vote`, other.cookie);
    expect((await call("GET", "/api/admin/academy/cpd/suggestions", author.cookie)).statusCode).toBe(403);
    const ranked = (await call("GET", "/api/admin/academy/cpd/suggestions", staff.cookie)).json()
      .items as StaffSuggestionView[];
    expect(ranked.map((s) => [s.id, s.votes])).toEqual([
      [second.id, 2],
      [suggestion.id, 1],
    ]);
    expect(ranked[1]?.author).toMatchObject({ name: "Ada Author", email: author.email });
  });

  it("follows the allowed transitions, logs each and tells the learner", async () => {
    const url = `/api/admin/academy/cpd/suggestions/${suggestion.id}`;
    const skip = await call("PATCH", url, staff.cookie, { status: "published" });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.fields.status).toMatch(/submitted to published/);
    expect((await call("PATCH", url, author.cookie, { status: "under_review" })).statusCode).toBe(403);
    expect((await call("PATCH", url, staff.cookie, { status: "maybe" })).json().error.fields).toHaveProperty("status");

    const review = await call("PATCH", url, staff.cookie, { status: "under_review", note: "Looking into it" });
    expect(review.statusCode).toBe(200);
    expect(review.json()).toMatchObject({
      status: "under_review",
      staffNote: "Looking into it",
      next: ["planned", "declined"],
    });
    expect(await t.lastMailTo(author.email)).toMatchObject({ subject: "Your CPD topic suggestion is under review" });
    expect((await t.lastMailTo(author.email))?.text).toContain("Looking into it");

    expect((await call("PATCH", url, staff.cookie, { status: "planned", note: "Scheduled for May" })).statusCode).toBe(
      200,
    );
    expect((await call("PATCH", url, staff.cookie, { status: "under_review" })).statusCode).toBe(400);
    const published = await call("PATCH", url, staff.cookie, { status: "published", note: "Live in the library" });
    expect(
      published.json().log.map((e: { fromStatus: string | null; toStatus: string }) => [e.fromStatus, e.toStatus]),
    ).toEqual([
      [null, "submitted"],
      ["submitted", "under_review"],
      ["under_review", "planned"],
      ["planned", "published"],
    ]);
    expect(published.json().next).toEqual([]);
    expect(await t.lastMailTo(author.email)).toMatchObject({ subject: "Your CPD topic suggestion is published" });
    const final = await call("PATCH", url, staff.cookie, { status: "declined" });
    expect(final.statusCode).toBe(400);
    expect(final.json().error.fields.status).toMatch(/published/);

    const mine = (await call("GET", "/api/academy/cpd/suggestions/mine", author.cookie)).json().items;
    expect(mine[0]).toMatchObject({ status: "published", staffNote: "Live in the library" });
    const log = await t.ctx.database.db
      .select()
      .from(cpdSuggestionStatusLog)
      .where(eq(cpdSuggestionStatusLog.suggestionId, suggestion.id));
    expect(log).toHaveLength(4);
    expect(log.filter((e) => e.fromStatus !== null).every((e) => e.actorId === staff.userId)).toBe(true);
  });

  it("declines any open suggestion, which can then no longer be supported", async () => {
    const s = (await call("POST", "/api/academy/cpd/suggestions", other.cookie, { ...valid, kind: "template" })).json();
    const declined = await call("PATCH", `/api/admin/academy/cpd/suggestions/${s.id}`, staff.cookie, {
      status: "declined",
      note: "Already covered by the CX Field Manual",
    });
    expect(declined.json()).toMatchObject({ status: "declined" });
    expect(await t.lastMailTo(other.email)).toMatchObject({ subject: "Your CPD topic suggestion is declined" });
    expect((await call("POST", `/api/academy/cpd/suggestions/${s.id}/vote`, fan.cookie)).statusCode).toBe(400);
  });
});
