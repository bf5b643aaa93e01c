import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../accounts/identity/schema.js";
import { organizations } from "../../accounts/organizations/schema.js";
import { clients } from "../clients/schema.js";

/** A risk alert, raised once per pulse entry at or below the organization's threshold. */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    pulseEntryId: uuid("pulse_entry_id").notNull(),
    rank: smallint("rank").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    claimedBy: uuid("claimed_by").references(() => users.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    /** When the organization's webhook accepted this alert; a job that runs again sends nothing. */
    webhookDeliveredAt: timestamp("webhook_delivered_at", { withTimezone: true }),
    /** When a later pulse above the threshold resolved the alert ("recovered"), and that pulse entry. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedByEntryId: uuid("resolved_by_entry_id"),
  },
  (t) => [uniqueIndex("alerts_entry_uq").on(t.pulseEntryId), index("alerts_org_idx").on(t.orgId, t.raisedAt)],
);

/** In-app inbox items; unique per (user, subject, kind) so a retried job never notifies twice. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // "risk_alert" | "alert_escalated" | "pulse_reminder"
    subjectKey: text("subject_key").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_once_uq").on(t.userId, t.kind, t.subjectKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
  ],
);

/** How each person wants alerts by email: at once, or in a daily digest. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emailMode: text("email_mode", { enum: ["realtime", "digest", "off"] })
      .notNull()
      .default("realtime"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);
