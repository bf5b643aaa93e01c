import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { fixedClock } from "../../../../kernel/clock.js";
import { grantPlan } from "../../assessments/testing/catalog-fixture.js";
import { cpdEntries } from "../ledger/schema.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";
import { importCatalogFrom } from "./catalog-sync.js";
import type { LibraryResponse } from "./contract.js";

const HEADER = "key,title,summary,format,category,durationMinutes,publishedOn,body,mediaSrc,mediaSeconds,link";
const ROWS = [
  "onb-1,Customer Onboarding Essentials,How to plan the first 30 days with a new customer,video,Onboarding,30,2025-03-01,,clips/clip-01.webm,12,",
  "onb-2,Renewal Forecasting for Beginners,Forecast renewals and spot onboarding gaps early,article,Renewals,10,2025-05-01,Read me,,,",
  "hs-1,Health Scores That Work,Build a customer health score your team trusts,download,Metrics,6,2024-01-01,,,,",
  "hs-2,Churn Analysis Toolkit,A spreadsheet tool for churn cohorts,tool,Metrics,15,2025-06-01,,,,",
  "pod-1,Onboarding Podcast Episode,Conversations about onboarding in enterprise accounts,audio,Onboarding,40,2023-01-01,,clips/clip-02.webm,12,",
];

function catalogDir(rows: string[], paths = "") {
  const dir = mkdtempSync(join(tmpdir(), "cpd-lib-"));
  writeFileSync(join(dir, "items.csv"), `${HEADER}\n${rows.join("\n")}\n`);
  writeFileSync(join(dir, "catalog.yaml"), `format: pulse-cpd-catalog/1\nitemsCsv: items.csv\npaths:\n${paths}`);
  return join(dir, "catalog.yaml");
}

describe.each(TEST_ENGINES)("CPD library (%s)", (engine) => {
  let t: TestApp;
  const clock = fixedClock(new Date("2026-04-01T10:00:00Z"));
  let full: Awaited<ReturnType<typeof buildUser>>;
  let scholar: Awaited<ReturnType<typeof buildUser>>;
  const get = async (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const post = async (cookie: string, url: string, payload?: object) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const search = async (qs: string) =>
    (await get(full.cookie, `/api/academy/cpd/library?${qs}`)).json() as LibraryResponse;
  const idOf = async (key: string) => (await search("sort=title")).items.find((i) => i.key === key)?.id as string;

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock });
    await buildCpdCatalog(t.ctx.database.db);
    await importCatalogFrom(
      t.ctx,
      catalogDir(
        ROWS,
        "  - { key: starter, title: Starter, category: Onboarding, description: D, steps: [onb-2, hs-1] }\n",
      ),
    );
    full = await buildUser(t.ctx);
    scholar = await buildUser(t.ctx);
    await grantPlan(t.ctx.database.db, full.userId, "full", new Date("2026-01-01T00:00:00Z"));
    await grantPlan(t.ctx.database.db, scholar.userId, "scholar", new Date("2026-01-01T00:00:00Z"));
  });
  afterAll(async () => t?.close());

  it("ranks title matches above summary matches and highlights them", async () => {
    const res = await search("q=onboarding");
    expect(res.total).toBe(3);
    expect(
      res.items
        .map((i) => i.key)
        .slice(0, 2)
        .sort(),
    ).toEqual(["onb-1", "pod-1"]);
    expect(res.items[2]?.key).toBe("onb-2"); // "onboarding" only in its summary
    expect(res.items[0]?.highlight.title).toContainEqual({ text: "Onboarding", match: true });
    expect(res.items[2]?.highlight.summary).toContainEqual({ text: "onboarding", match: true });
    expect(res.items[2]?.highlight.title).toEqual([{ text: "Renewal Forecasting for Beginners", match: false }]);
  });

  it("counts facets per format and category and filters by them", async () => {
    const res = await search("q=onboarding&format=video");
    expect(res.total).toBe(1);
    expect(res.facets.format).toEqual([
      { value: "video", count: 1 },
      { value: "article", count: 1 },
      { value: "audio", count: 1 },
      { value: "download", count: 0 },
      { value: "tool", count: 0 },
    ]);
    expect(res.facets.category).toEqual([{ value: "Onboarding", count: 1 }]);
    const metrics = await search("category=Metrics");
    expect(metrics.items.map((i) => i.key).sort()).toEqual(["hs-1", "hs-2"]);
    expect(metrics.facets.category).toEqual([
      { value: "Metrics", count: 2 },
      { value: "Onboarding", count: 2 },
      { value: "Renewals", count: 1 },
    ]);
  });

  it("sorts by newest, shortest and title, and pages", async () => {
    expect((await search("sort=newest")).items.map((i) => i.key)).toEqual(["hs-2", "onb-2", "onb-1", "hs-1", "pod-1"]);
    expect((await search("sort=shortest")).items.map((i) => i.durationMinutes)).toEqual([6, 10, 15, 30, 40]);
    expect((await search("sort=title")).items[0]?.title).toBe("Churn Analysis Toolkit");
    const page2 = await search("page=2");
    expect(page2).toMatchObject({ total: 5, page: 2, items: [] });
  });

  it("suggests a title word by trigram similarity when nothing matches", async () => {
    const res = await search("q=onbording");
    expect(res).toMatchObject({ total: 0, items: [], didYouMean: "onboarding" });
    expect((await search("q=health%20scorz")).didYouMean).toBe("health scores");
    expect((await search("q=zzzzqqq")).didYouMean).toBeNull();
  });

  it("answers bad queries with field errors and locked plans with 403", async () => {
    const bad = await get(full.cookie, "/api/academy/cpd/library?format=film&page=0");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["format", "page"]);
    const locked = await get(scholar.cookie, "/api/academy/cpd/library");
    expect(locked.statusCode).toBe(403);
  });

  it("adds a tool to the CPD record once, after it was opened and confirmed", async () => {
    const id = await idOf("hs-2");
    const early = await post(full.cookie, `/api/academy/cpd/library/${id}/completion`, { evidence: "confirmed" });
    expect(early.statusCode).toBe(409);
    expect((await post(full.cookie, `/api/academy/cpd/library/${id}/open`)).json()).toMatchObject({
      completeBy: "confirmed",
      completedAt: null,
    });
    const wrong = await post(full.cookie, `/api/academy/cpd/library/${id}/completion`, { evidence: "played_to_end" });
    expect(wrong.statusCode).toBe(400);
    const done = await post(full.cookie, `/api/academy/cpd/library/${id}/completion`, { evidence: "confirmed" });
    expect(done.json()).toMatchObject({ added: true, source: "library", minutes: 15 });
    const again = await post(full.cookie, `/api/academy/cpd/library/${id}/completion`, { evidence: "confirmed" });
    expect(again.json()).toMatchObject({ added: false, minutes: 15 });
    const entries = await t.ctx.database.db.select().from(cpdEntries).where(eq(cpdEntries.itemId, id));
    expect(entries).toMatchObject([{ source: "library", minutes: 15, assetType: "tool", userId: full.userId }]);
    expect((await search("category=Metrics")).items.find((i) => i.id === id)?.completed).toBe(true);
  });

  it("completes a video only when played to the end, no sooner than half its length after opening", async () => {
    const id = await idOf("onb-1");
    await post(full.cookie, `/api/academy/cpd/library/${id}/open`);
    clock.advance(5_000);
    const soon = await post(full.cookie, `/api/academy/cpd/library/${id}/completion`, { evidence: "played_to_end" });
    expect(soon.statusCode).toBe(409);
    clock.advance(1_000);
    const done = await post(full.cookie, `/api/academy/cpd/library/${id}/completion`, { evidence: "played_to_end" });
    expect(done.json()).toMatchObject({ added: true, minutes: 30 });
  });

  it("re-imports by key: edits in place, archives what disappeared, brings it back with the same id", async () => {
    const id = await idOf("pod-1");
    const fewer = ROWS.filter((r) => !r.startsWith("pod-1")).map((r) =>
      r.replace("Churn Analysis Toolkit", "Churn Cohort Toolkit"),
    );
    const result = await importCatalogFrom(
      t.ctx,
      catalogDir(
        fewer,
        "  - { key: starter, title: Starter, category: Onboarding, description: D, steps: [onb-2, hs-1] }\n",
      ),
    );
    expect(result).toMatchObject({ items: 4, archived: 1 });
    expect((await search("q=podcast")).total).toBe(0);
    expect((await search("q=cohort")).items[0]?.title).toBe("Churn Cohort Toolkit");
    expect((await get(full.cookie, `/api/academy/cpd/library/${id}`)).statusCode).toBe(404);
    await importCatalogFrom(
      t.ctx,
      catalogDir(
        ROWS,
        "  - { key: starter, title: Starter, category: Onboarding, description: D, steps: [onb-2, hs-1] }\n",
      ),
    );
    expect(await idOf("pod-1")).toBe(id);
  });
});
