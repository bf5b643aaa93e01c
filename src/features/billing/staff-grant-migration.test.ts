import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from "../../../test-support/test-db.js";
import { migrateDatabase } from "../../platform/db/migrate.js";
import { migrateUpTo } from "./testing/migrate-to.js";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe.each(TEST_ENGINES)("migration 0017 (%s): staff-assigned plans become staff grants", (engine) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it("keeps each membership's plan, dates and assigner; seeds the plans and the $900 Pulse+ price", async () => {
    t = await createTestDatabase(engine);
    const { db } = t.database;
    await migrateUpTo(t.database, "0016_health_pulse_rank_span_index");
    const [ann, staff] = rowsOf<{ id: string }>(
      await db.execute(sql`insert into users (email, name, password_hash) values
        ('ann@example.com', 'Ann', 'x'), ('staff@example.com', 'Staff', 'x') returning id`),
    ) as [{ id: string }, { id: string }];
    const memberships = rowsOf<{ id: string }>(
      await db.execute(sql`insert into academy_memberships (user_id, plan, starts_at, ends_at, assigned_by, created_at) values
        (${ann.id}, 'scholar', '2025-01-15T10:00:00Z', '2026-01-15T00:00:00Z', ${staff.id}, '2025-01-15T10:00:00Z'),
        (${ann.id}, 'pulse_plus', '2024-06-01T08:30:00Z', null, null, '2024-06-01T08:30:00Z') returning id`),
    );
    await migrateDatabase(t.database);
    const grants = rowsOf<Record<string, unknown>>(
      await db.execute(sql`select e.user_id, e.access_key, e.source, e.source_id, e.starts_at, e.ends_at, e.granted_by, p.key as plan_key
        from billing_entitlements e left join billing_plans p on p.id = e.plan_id order by e.starts_at`),
    );
    const iso = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
    expect(grants.map((g) => ({ ...g, starts_at: iso(g.starts_at), ends_at: iso(g.ends_at) }))).toEqual([
      {
        user_id: ann.id,
        access_key: "pulse_plus",
        source: "staff_grant",
        source_id: memberships[1]?.id,
        starts_at: "2024-06-01T08:30:00.000Z",
        ends_at: null,
        granted_by: null,
        plan_key: "pulse_plus",
      },
      {
        user_id: ann.id,
        access_key: "scholar",
        source: "staff_grant",
        source_id: memberships[0]?.id,
        starts_at: "2025-01-15T10:00:00.000Z",
        ends_at: "2026-01-15T00:00:00.000Z",
        granted_by: staff.id,
        plan_key: "scholar",
      },
    ]);
    const prices = rowsOf<{ key: string; amount_minor: string | number; currency: string }>(
      await db.execute(sql`select p.key, pr.amount_minor, pr.currency from billing_plans p
        join billing_prices pr on pr.plan_id = p.id and pr.active_until is null order by p.position`),
    );
    expect(prices.map((p) => [p.key, Number(p.amount_minor), p.currency])).toEqual([
      ["pulse_plus", 90000, "USD"],
      ["basic", 29000, "USD"],
      ["scholar", 69000, "USD"],
      ["full", 99000, "USD"],
      ["cpd", 39000, "USD"],
    ]);
  });
});
