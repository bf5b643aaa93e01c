import { sql } from "drizzle-orm";
import { bigint, date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";
import { organizations } from "../../accounts/organizations/schema.js";

import { CLIENT_STATUSES } from "./client-status.js";

export type ClientContact = { name: string; email?: string; title?: string; phone?: string; primary?: boolean };

const money = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

/**
 * A client's current state. The fields reports filter on (type, CSM, status, ARR) also go to
 * client_versions with the date they took effect, so reports can run "as of" any past date.
 */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    name: text("name").notNull(),
    clientType: text("client_type").notNull().default(""),
    assignedCsmId: uuid("assigned_csm_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: CLIENT_STATUSES }).notNull().default("active"),
    arrMinor: money("arr_minor"),
    mrrMinor: money("mrr_minor"),
    acvMinor: money("acv_minor"),
    currency: text("currency").notNull().default("USD"),
    nextRenewalDate: date("next_renewal_date"),
    clientSince: date("client_since"),
    contacts: jsonb("contacts").$type<ClientContact[]>().notNull().default([]),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    // Cache of the newest pulse entry (maintained with each pulse in one transaction).
    currentPulseRank: smallint("current_pulse_rank"),
    currentPulseEntryId: uuid("current_pulse_entry_id"),
    currentPulseAt: timestamp("current_pulse_at", { withTimezone: true }),
    /** The current pulse entry's reason codes in their order, so the current reasons report needs no join. */
    currentReasonCodeIds: uuid("current_reason_code_ids").array().notNull().default(sql`'{}'::uuid[]`),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("clients_org_external_id_uq").on(t.orgId, t.externalId),
    index("clients_org_name_idx").on(t.orgId, t.name),
    index("clients_org_renewal_idx").on(t.orgId, t.nextRenewalDate),
  ],
);

/** Dated history of the filterable fields: one row per change, valid from its date until the next. */
export const clientVersions = pgTable(
  "client_versions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id").notNull(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    validFrom: date("valid_from").notNull(),
    clientType: text("client_type").notNull(),
    assignedCsmId: uuid("assigned_csm_id"),
    status: text("status", { enum: CLIENT_STATUSES }).notNull(),
    arrMinor: money("arr_minor"),
    mrrMinor: money("mrr_minor"),
    acvMinor: money("acv_minor"),
    /** The renewal date as it stood from `valid_from`, so "as of" reports filter on the renewal then known. */
    nextRenewalDate: date("next_renewal_date"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The day the next version took over (exclusive), null while current, or valid_from itself (an empty
     * span) when a later-recorded version starts the same day. Rewritten for the client whenever a version
     * is added (refreshVersionSpans), so "as of D" keeps the versions with valid_from <= D < valid_until.
     */
    validUntil: date("valid_until"),
    /**
     * Copies of the client's undated fields (never history: every version holds the current value), kept
     * in step by the clients store whenever one changes (syncVersionCopies). With them an "as of" report
     * reads a client's whole row from its version and never joins the clients table.
     */
    name: text("name").notNull().default(""),
    currency: text("currency").notNull().default("USD"),
    clientSince: date("client_since"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    // A client's history in order.
    index("client_versions_client_latest_idx").on(t.clientId, t.validFrom, t.recordedAt),
    index("client_versions_org_idx").on(t.orgId),
  ],
);

/** Imported usage figures per client and week (e.g. weekly active users). */
export const usageFigures = pgTable(
  "usage_figures",
  {
    orgId: uuid("org_id").notNull(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    metric: text("metric").notNull(),
    weekStart: date("week_start").notNull(),
    value: bigint("value", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("usage_figures_uq").on(t.clientId, t.metric, t.weekStart),
    index("usage_figures_org_idx").on(t.orgId),
  ],
);
