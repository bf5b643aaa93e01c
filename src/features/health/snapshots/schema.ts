import { bigint, boolean, date, index, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../../accounts/organizations/schema.js";

/**
 * Which days an organization's snapshot covers and whether a write has touched them since. The snapshot of
 * day D is current when built_from <= D <= built_through and no back-dated write touched D since it was
 * built (stale_from is null or later than D). Writers of the history bump `touches` and lower stale_from
 * in their own transaction; the builder clears stale_from only if `touches` did not move while it worked.
 */
export const healthSnapshotState = pgTable("health_snapshot_state", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  builtFrom: date("built_from"),
  builtThrough: date("built_through"),
  staleFrom: date("stale_from"),
  touches: bigint("touches", { mode: "number" }).notNull().default(0),
  builtAt: timestamp("built_at", { withTimezone: true }),
});

/**
 * Daily aggregates "as of" the end of each day (UTC): per (day, level, client type, CSM, status) the number
 * of clients and their ARR, MRR and ACV (by_reason false, one row per group), and the same per reason code
 * of each client's pulse on that day (by_reason true; reason_code_id null for a pulse without a reason, so
 * a client with two reasons counts under both). Reason rows leave the CSM out (assigned_csm_id null): with
 * it they were 20x as many (4.4 million rows for 30,000 clients over 400 days), so a reasons report filtered
 * by CSM reads history. Every other report filter on these fields is a WHERE over them.
 * Only days with clients get rows; rank null is "no pulse yet".
 */
export const healthSnapshotTotals = pgTable(
  "health_snapshot_totals",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    byReason: boolean("by_reason").notNull(),
    reasonCodeId: uuid("reason_code_id"),
    rank: smallint("rank"),
    clientType: text("client_type").notNull(),
    assignedCsmId: uuid("assigned_csm_id"),
    status: text("status").notNull(),
    clients: integer("clients").notNull(),
    arrMinor: bigint("arr_minor", { mode: "number" }).notNull(),
    mrrMinor: bigint("mrr_minor", { mode: "number" }).notNull(),
    acvMinor: bigint("acv_minor", { mode: "number" }).notNull(),
  },
  (t) => [index("health_snapshot_totals_org_day_idx").on(t.orgId, t.day, t.byReason)],
);
