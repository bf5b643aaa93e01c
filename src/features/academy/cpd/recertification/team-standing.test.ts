import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, buildOrganization } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { fixedClock } from "../../../../kernel/clock.js";
import { issueForCompletion } from "../../credentials/service.js";
import type { TeamProgressPage } from "../../teams/contract.js";
import { recordCpdMinutes } from "../service.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";

describe.each(TEST_ENGINES)("team CPD standing (%s)", (engine) => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof buildOrganization>>;
  const people: Record<string, { userId: string; cookie: string; email: string }> = {};

  beforeAll(async () => {
    t = await buildTestApp({ engine, clock: fixedClock(new Date("2026-03-02T09:00:00Z")) });
    const catalog = await buildCpdCatalog(t.ctx.database.db);
    org = await buildOrganization(t.ctx, "CPD Team");
    const certify = async (name: string, at: string) => {
      const m = await buildMember(t.ctx, org.orgId, "member");
      people[name] = m;
      await issueForCompletion(t.ctx, {
        userId: m.userId,
        object: "level",
        objectId: catalog.level4.id,
        completedAt: at,
      });
      return m;
    };
    const onTrack = await certify("onTrack", "2025-09-01T10:00:00Z");
    await certify("due", "2025-05-01T10:00:00Z");
    await certify("expired", "2024-12-01T10:00:00Z");
    await recordCpdMinutes(t.ctx, undefined, {
      userId: onTrack.userId,
      program: { key: "ccsmp" },
      source: "library",
      sourceKey: "library:x:onTrack",
      title: "Scaling CS",
      assetType: "video",
      activityType: "completed",
      minutes: 600,
      occurredAt: "2026-01-15",
    });
  });
  afterAll(async () => t?.close());

  it("managers see on track, due and expired with hours this cycle, in the report and its CSV", async () => {
    const page = (
      await t.app.inject({
        url: `/api/organizations/${org.orgId}/academy/team-progress`,
        headers: { cookie: org.owner.cookie },
      })
    ).json() as TeamProgressPage;
    const cpdOf = (name: string) => page.exams.find((e) => e.userId === people[name]?.userId)?.certification?.cpd;
    expect(cpdOf("onTrack")).toEqual({
      standing: "on_track",
      appliedMinutes: 600,
      requiredMinutes: 2400,
      expiresOn: "2026-09-01",
    });
    expect(cpdOf("due")).toMatchObject({ standing: "due", appliedMinutes: 0, expiresOn: "2026-05-01" });
    expect(cpdOf("expired")).toMatchObject({ standing: "expired", expiresOn: "2025-12-01" });
    const csv = await t.app.inject({
      url: `/api/organizations/${org.orgId}/academy/team-progress.csv`,
      headers: { cookie: org.owner.cookie },
    });
    const records = parse(csv.body.replace(/^\uFEFF/, "")) as string[][];
    expect(records[0]?.slice(-2)).toEqual(["CPD standing", "CPD hours this cycle"]);
    const rowOf = (name: string) => records.find((r) => r[1] === people[name]?.email && r[17] !== "");
    expect(rowOf("onTrack")?.slice(-3)).toEqual(["yes", "on track", "10.0"]);
    expect(rowOf("due")?.slice(-2)).toEqual(["due", "0.0"]);
    expect(rowOf("expired")?.slice(-3)).toEqual(["expired", "expired", "0.0"]);
  });
});
