import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const MAIL_STATUSES = ["queued", "sent", "stored", "failed"] as const;

/**
 * Every mail Pulse sends. With SMTP it is delivered and marked sent; without SMTP it stays here
 * as "stored" and platform admins read it at Admin > Outbox.
 */
export const mailMessages = pgTable("mail_messages", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  textBody: text("text_body").notNull(),
  status: text("status", { enum: MAIL_STATUSES }).notNull().default("queued"),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  deliveredAt: timestamp("delivered_at", { withTimezone: true }),
});
