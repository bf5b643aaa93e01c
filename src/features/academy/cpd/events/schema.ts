import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";

export const EVENT_KINDS = ["live_training", "expert_conversation", "panel_discussion", "workshop"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * Component 3: a live event staff publish. `uid` is the iCalendar UID, set once and kept forever;
 * `sequence` is the iCalendar SEQUENCE, bumped on every change (and on cancellation).
 */
export const cpdEvents = pgTable(
  "academy_cpd_events",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    uid: text("uid").notNull(),
    sequence: integer("sequence").notNull().default(0),
    title: text("title").notNull(),
    /** The category learners browse by. */
    heading: text("heading").notNull(),
    /** "Pulse" or the partner's name. */
    host: text("host").notNull(),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** IANA zone the event is announced in. */
    timeZone: text("time_zone").notNull(),
    joinUrl: text("join_url").notNull(),
    /** Null: no limit. */
    capacity: integer("capacity"),
    description: text("description").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("academy_cpd_events_uid_idx").on(t.uid), index("academy_cpd_events_starts_idx").on(t.startsAt)],
);

/** One learner's place at an event: registered, on the waiting list, or cancelled; attendance marked by staff. */
export const cpdEventRegistrations = pgTable(
  "academy_cpd_event_registrations",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid("event_id")
      .notNull()
      .references(() => cpdEvents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    attended: boolean("attended").notNull().default(false),
    /** When the current status began: the waiting list is served in this order. */
    statusAt: timestamp("status_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("academy_cpd_event_registrations_event_user_idx").on(t.eventId, t.userId),
    index("academy_cpd_event_registrations_user_idx").on(t.userId),
    index("academy_cpd_event_registrations_queue_idx").on(t.eventId, t.status, t.statusAt),
  ],
);
