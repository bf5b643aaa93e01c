import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { fixedClock } from "../../../../kernel/clock.js";
import { grantPlan } from "../../assessments/testing/catalog-fixture.js";
import { cpdEntries } from "../ledger/schema.js";
import { syncCatalogAtStart } from "../library/catalog-sync.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";
import type { PathDetail, PathSummary } from "./contract.js";

const contentDir = join(import.meta.dirname, "../../../../../content");
const quiet = { info: () => {}, warn: () => {} };

describe.each(TEST_ENGINES)("CPD paths over the demo catalog (%s)", (engine) => {
  let t: TestApp;
  const clock = fixedClock(new Date("2026-04-01T10:00:00Z"));
  let learner: Awaited<ReturnType<typeof buildUser>>;
  const call = async (method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: learner.cookie }, ...(payload ? { payload } : {}) });
  let paths: PathSummary[];
  const path = (title: string) => paths.find((p) => p.title === title) as PathSummary;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    await buildCpdCatalog(t.ctx.database.db);
    const outcome = await syncCatalogAtStart(t.ctx, [contentDir], quiet);
    expect(outcome).toMatchObject({ action: "imported", result: { items: 1074, paths: 18, demo: true } });
    learner = await buildUser(t.ctx);
    await grantPlan(t.ctx.database.db, learner.userId, "cpd", new Date("2026-01-01T00:00:00Z"));
    paths = (await call("GET", "/api/academy/cpd/paths")).json().paths;
  }, 120_000);
  afterAll(async () => t?.close());

  it("lists the seed's paths with category, contents by format and duration", () => {
    expect(paths).toHaveLength(18);
    expect(path("Scaling Customer Success")).toMatchObject({
      category: "Leadership Skills for CS",
      contents: [
        { format: "article", count: 2 },
        { format: "video", count: 4 },
      ],
      steps: 6,
      durationMinutes: 116,
      featured: true,
      demo: true,
      enrolment: null,
    });
    expect(path("Practical Customer Success Management Podcasts")).toMatchObject({
      steps: 88,
      durationMinutes: 47 * 60 + 49,
      featured: false,
    });
  });

  it("a start-up with the same catalog imports nothing", async () => {
    expect(await syncCatalogAtStart(t.ctx, [contentDir], quiet)).toMatchObject({ action: "unchanged" });
  });

  it("enrols once, follows steps in order and adds each step's minutes as CPD Paths once", async () => {
    const id = path("Scaling Customer Success").id;
    const first = await call("POST", `/api/academy/cpd/paths/${id}/enrolment`);
    expect(first.statusCode).toBe(201);
    const detail = first.json() as PathDetail;
    expect(detail.enrolment).toMatchObject({ stepsCompleted: 0, percent: 0, status: "not_started" });
    expect(detail.enrolment?.nextItemId).toBe(detail.stepList[0]?.itemId);
    expect((await call("POST", `/api/academy/cpd/paths/${id}/enrolment`)).statusCode).toBe(200);

    const [s1, s2] = detail.stepList as [PathDetail["stepList"][number], PathDetail["stepList"][number]];
    await call("POST", `/api/academy/cpd/library/${s2.itemId}/open`);
    const outOfOrder = await call("POST", `/api/academy/cpd/library/${s2.itemId}/completion`, {
      evidence: "confirmed",
      pathId: id,
    });
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json().error.message).toContain("Complete step 1");

    await call("POST", `/api/academy/cpd/library/${s1.itemId}/open`);
    const done = await call("POST", `/api/academy/cpd/library/${s1.itemId}/completion`, {
      evidence: "confirmed",
      pathId: id,
    });
    expect(done.json()).toMatchObject({ added: true, source: "paths", minutes: s1.durationMinutes });
    const after = (await call("GET", `/api/academy/cpd/paths/${id}`)).json() as PathDetail;
    expect(after.enrolment).toMatchObject({
      stepsCompleted: 1,
      percent: 16,
      status: "in_progress",
      nextItemId: s2.itemId,
    });

    const again = await call("POST", `/api/academy/cpd/library/${s1.itemId}/completion`, {
      evidence: "confirmed",
      pathId: id,
    });
    expect(again.json()).toMatchObject({ added: false, source: "paths" });
    const rows = await t.ctx.database.db.select().from(cpdEntries).where(eq(cpdEntries.userId, learner.userId));
    expect(rows).toMatchObject([{ source: "paths", itemId: s1.itemId, minutes: s1.durationMinutes }]);
  });

  it("completes the path when its last step is done; media steps play to the end", async () => {
    const id = path("Scaling Customer Success").id;
    const detail = (await call("GET", `/api/academy/cpd/paths/${id}`)).json() as PathDetail;
    for (const step of detail.stepList.filter((s) => !s.completed)) {
      const item = (await call("POST", `/api/academy/cpd/library/${step.itemId}/open`)).json();
      clock.advance(7_000);
      const res = await call("POST", `/api/academy/cpd/library/${step.itemId}/completion`, {
        evidence: item.completeBy,
        pathId: id,
      });
      expect(res.statusCode).toBe(200);
    }
    const final = (await call("GET", `/api/academy/cpd/paths/${id}`)).json() as PathDetail;
    expect(final.enrolment).toMatchObject({ stepsCompleted: 6, percent: 100, status: "completed", nextItemId: null });
    expect(final.enrolment?.completedAt).not.toBeNull();
    const rows = await t.ctx.database.db.select().from(cpdEntries).where(eq(cpdEntries.userId, learner.userId));
    expect(rows.reduce((n, r) => n + r.minutes, 0)).toBe(116);
  });

  it("refuses an unknown path with 404 and a learner without a CPD plan with 403", async () => {
    expect((await call("GET", "/api/academy/cpd/paths/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const other = await buildUser(t.ctx);
    const res = await t.app.inject({ method: "GET", url: "/api/academy/cpd/paths", headers: { cookie: other.cookie } });
    expect(res.statusCode).toBe(403);
  });
});
