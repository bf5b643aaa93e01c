import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";
import { organizations } from "../../accounts/organizations/schema.js";
import { clients } from "../clients/schema.js";
import type { ScoreComponent, ScoreFormula } from "./success-score.js";

export const REASON_KINDS = ["risk", "success", "both"] as const;

/** Each organization's reason codes. A code once used is retired, never deleted. */
export const reasonCodes = pgTable(
  "reason_codes",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    label: text("label").notNull(),
    category: text("category").notNull(),
    kind: text("kind", { enum: REASON_KINDS }).notNull(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reason_codes_org_code_uq").on(t.orgId, t.code)],
);

/** Append-only pulse history. A correction is a new entry naming the one it corrects. */
export const pulseEntries = pgTable(
  "pulse_entries",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    rank: smallint("rank").notNull(), // 1 Severe Risk … 6 Extremely Satisfied
    note: text("note").notNull().default(""),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    correctsEntryId: uuid("corrects_entry_id"),
    /**
     * The entry's reason codes in their order: a copy of its pulse_entry_reasons rows, written once with
     * the entry (entries never change and codes are retired, never deleted), so "as of" reports read
     * reasons from the span index with the level instead of looking them up per client.
     */
    reasonCodeIds: uuid("reason_code_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /**
     * Until when this entry was the client's pulse: the effective time of the next uncorrected entry (by
     * effective_at, recorded_at, id), null while it is current, and its own effective time (an empty span)
     * once corrected or outranked at the same instant. Derived from the history and rewritten for the
     * client in every transaction that appends to it (see refreshPulseSpans), so "as of D" is one lookup
     * of the spans containing D in the GiST index `pulse_entries_org_span_gist` (migration 0013, outside
     * Drizzle's builder because it needs btree_gist and INCLUDE).
     */
    validUntil: timestamp("valid_until", { withTimezone: true }),
  },
  (t) => [
    // A client's history and its newest entry by (effective_at, recorded_at) read from this index alone.
    index("pulse_entries_client_latest_idx").on(t.clientId, t.effectiveAt, t.recordedAt, t.rank, t.id),
    index("pulse_entries_org_effective_idx").on(t.orgId, t.effectiveAt),
    // Corrections are rare: a small index that only holds them.
    index("pulse_entries_corrects_idx").on(t.correctsEntryId).where(sql`corrects_entry_id is not null`),
  ],
);

export const pulseEntryReasons = pgTable(
  "pulse_entry_reasons",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => pulseEntries.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
    reasonCodeId: uuid("reason_code_id")
      .notNull()
      .references(() => reasonCodes.id),
    position: smallint("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.reasonCodeId] }),
    index("pulse_entry_reasons_reason_idx").on(t.reasonCodeId),
  ],
);

/** Every formula an organization has used; scores name the version they were computed with. */
export const scoreFormulas = pgTable(
  "score_formulas",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    formula: jsonb("formula").$type<ScoreFormula>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);

/** Daily SuccessScores, kept per formula version so a new formula can be compared on history. */
export const successScores = pgTable(
  "success_scores",
  {
    orgId: uuid("org_id").notNull(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    formulaVersion: integer("formula_version").notNull(),
    score: smallint("score"),
    band: text("band"),
    capped: boolean("capped").notNull().default(false),
    needsReview: boolean("needs_review").notNull().default(false),
    components: jsonb("components").$type<ScoreComponent[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.day, t.formulaVersion] }),
    index("success_scores_org_day_idx").on(t.orgId, t.day),
  ],
);

/** Per-organization settings of the health part. */
export const healthSettings = pgTable("health_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  primaryMetric: text("primary_metric", { enum: ["arr", "mrr", "acv"] })
    .notNull()
    .default("arr"),
  currency: text("currency").notNull().default("USD"),
  alertThresholdRank: smallint("alert_threshold_rank").notNull().default(3), // Some Risk
  reminderDays: integer("reminder_days").notNull().default(30),
  escalateAfterHours: integer("escalate_after_hours").notNull().default(48),
  fiscalStartMonth: smallint("fiscal_start_month").notNull().default(1),
  webhookUrl: text("webhook_url"),
  webhookSecret: text("webhook_secret"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
