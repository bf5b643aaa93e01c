import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";
import { programs } from "../../catalog/schema.js";
import { selfCertifications } from "../self-cert/schema.js";

/** A reproducible random sample of a program's self-certifications completed in a period (seed stored). */
export const auditSamples = pgTable("academy_cpd_audit_samples", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  programId: uuid("program_id")
    .notNull()
    .references(() => programs.id),
  periodFrom: date("period_from", { mode: "string" }).notNull(),
  periodTo: date("period_to", { mode: "string" }).notNull(),
  ratePercent: integer("rate_percent").notNull(),
  seed: text("seed").notNull(),
  population: integer("population").notNull(),
  drawnBy: uuid("drawn_by").references(() => users.id, { onDelete: "set null" }),
  drawnAt: timestamp("drawn_at", { withTimezone: true }).notNull(),
});

export const AUDIT_STATUSES = ["requested", "submitted", "accepted", "rejected", "expired"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** An evidence request to one selected self-certification's learner (28 days to answer). */
export const auditRequests = pgTable(
  "academy_cpd_audit_requests",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => auditSamples.id),
    selfCertificationId: uuid("self_certification_id")
      .notNull()
      .references(() => selfCertifications.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: AUDIT_STATUSES }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    responseNote: text("response_note"),
    reason: text("reason"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("academy_cpd_audit_requests_self_cert_idx").on(t.selfCertificationId),
    index("academy_cpd_audit_requests_sample_idx").on(t.sampleId),
    index("academy_cpd_audit_requests_due_idx").on(t.dueAt).where(sql`${t.status} in ('requested', 'submitted')`),
  ],
);

/** Every transition of an audit request (append-only). */
export const auditEvents = pgTable(
  "academy_cpd_audit_events",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid("request_id")
      .notNull()
      .references(() => auditRequests.id, { onDelete: "cascade" }),
    fromStatus: text("from_status", { enum: AUDIT_STATUSES }),
    toStatus: text("to_status", { enum: AUDIT_STATUSES }).notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("academy_cpd_audit_events_request_idx").on(t.requestId, t.at)],
);
