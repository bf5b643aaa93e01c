import { date, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { credentials } from "../../credentials/schema.js";

/** Reminder mails sent (90, 30 and 7 days before an expiry while short): one per credential, expiry and step. */
export const cpdReminders = pgTable(
  "academy_cpd_reminders",
  {
    credentialId: uuid("credential_id")
      .notNull()
      .references(() => credentials.id, { onDelete: "cascade" }),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    daysBefore: integer("days_before").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.credentialId, t.expiresOn, t.daysBefore] })],
);
