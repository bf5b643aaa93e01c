import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../../test-support/test-db.js";
import { fixedClock } from "../../../../kernel/clock.js";
import { users } from "../../../accounts/identity/schema.js";
import { cpdEntriesOf, recordCpdMinutes, reverseCpdEntry } from "../service.js";
import { buildCpdCatalog } from "../testing/cpd-fixture.js";
import { cpdEntries } from "./schema.js";

describe.each(TEST_ENGINES)("CPD ledger (%s)", (engine) => {
  let t: TestApp;
  let learner: Awaited<ReturnType<typeof buildUser>>;
  beforeAll(async () => {
    t = await buildTestApp({ engine, clock: fixedClock(new Date("2026-03-02T09:00:00Z")) });
    await buildCpdCatalog(t.ctx.database.db);
    learner = await buildUser(t.ctx, { email: "ledger@example.test" });
    await t.ctx.database.db.update(users).set({ timeZone: "America/Los_Angeles" }).where(eq(users.id, learner.userId));
  });
  afterAll(async () => t?.close());

  const entry = (over: Partial<Parameters<typeof recordCpdMinutes>[2]> = {}) => ({
    userId: learner.userId,
    program: { key: "ccsmp" },
    source: "library" as const,
    sourceKey: `library:item-1:${learner.userId}`,
    title: "Segmenting by outcomes",
    assetType: "video",
    activityType: "completed",
    minutes: 25,
    occurredAt: new Date("2026-03-01T05:00:00Z"),
    ...over,
  });

  it("records an item once by its source key, dated on the learner's local day", async () => {
    const first = await recordCpdMinutes(t.ctx, undefined, entry());
    expect(first.created).toBe(true);
    expect(first.entry.occurredOn).toBe("2026-02-28"); // 21:00 on 28 February in Los Angeles
    const again = await recordCpdMinutes(t.ctx, undefined, entry({ minutes: 99 }));
    expect(again).toMatchObject({ created: false, entry: { id: first.entry.id, minutes: 25 } });
    const rows = await t.ctx.database.db.select().from(cpdEntries).where(eq(cpdEntries.userId, learner.userId));
    expect(rows).toHaveLength(1);
  });

  it("records inside the caller's transaction, and rolls back with it", async () => {
    await expect(
      t.ctx.database.db.transaction(async (tx) => {
        await recordCpdMinutes(t.ctx, tx, entry({ sourceKey: "event:e-1", source: "live", occurredAt: "2026-02-10" }));
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await cpdEntriesOf(t.ctx, learner.userId, { key: "ccsmp" })).toHaveLength(1);
  });

  it("refuses minutes that are not a whole number above zero, with a field error", async () => {
    for (const minutes of [0, -5, 1.5]) {
      await expect(
        recordCpdMinutes(t.ctx, undefined, entry({ sourceKey: `x:${minutes}`, minutes })),
      ).rejects.toMatchObject({
        code: "invalid_input",
        fields: { minutes: "must be a whole number above 0" },
      });
    }
  });

  it("a reversal appends negated minutes on the original's date and source, once; the original stays", async () => {
    const original = await recordCpdMinutes(
      t.ctx,
      undefined,
      entry({ sourceKey: "self-cert:s-1", source: "external", minutes: 120, occurredAt: "2026-01-15" }),
    );
    const reversal = await reverseCpdEntry(t.ctx, undefined, {
      entryId: original.entry.id,
      reason: "No evidence",
      recordedBy: null,
    });
    expect(reversal.entry).toMatchObject({
      minutes: -120,
      source: "external",
      occurredOn: "2026-01-15",
      reversesEntryId: original.entry.id,
      activityType: "reversed",
      note: "No evidence",
    });
    const twice = await reverseCpdEntry(t.ctx, undefined, {
      entryId: original.entry.id,
      reason: "x",
      recordedBy: null,
    });
    expect(twice).toMatchObject({ created: false, entry: { id: reversal.entry.id } });
    await expect(
      reverseCpdEntry(t.ctx, undefined, { entryId: reversal.entry.id, reason: "x", recordedBy: null }),
    ).rejects.toMatchObject({ code: "conflict" });
    const all = await cpdEntriesOf(t.ctx, learner.userId, { key: "ccsmp" });
    expect(all.map((e) => e.minutes).sort()).toEqual([-120, 120, 25].sort());
    expect(
      await cpdEntriesOf(t.ctx, learner.userId, { key: "ccsmp" }, { from: "2026-02-01", to: "2026-03-01" }),
    ).toHaveLength(1);
  });
});
