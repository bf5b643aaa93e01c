import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";
import { programs } from "../../catalog/schema.js";
import { cpdEntries } from "../ledger/schema.js";

export const CONTENT_TYPES = ["book", "course", "conference", "webinar", "article", "podcast", "other"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/**
 * CPD Self Certification: external learning the learner declares; its minutes are the ledger entry
 * `entry_id` (source external), added at once. Kept as submitted (append-only).
 */
export const selfCertifications = pgTable(
  "academy_cpd_self_certifications",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => cpdEntries.id),
    /** The name and email of the account when submitted (shown on the form, kept for the auditor). */
    name: text("name").notNull(),
    email: text("email").notNull(),
    contentType: text("content_type", { enum: CONTENT_TYPES }).notNull(),
    title: text("title").notNull(),
    provider: text("provider").notNull(),
    hours: integer("hours").notNull(),
    minutes: integer("minutes").notNull(),
    completedOn: date("completed_on", { mode: "string" }).notNull(),
    consent: boolean("consent").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("academy_cpd_self_certifications_entry_idx").on(t.entryId),
    index("academy_cpd_self_certifications_user_idx").on(t.userId, t.submittedAt),
    index("academy_cpd_self_certifications_program_idx").on(t.programId, t.completedOn),
  ],
);

/**
 * Evidence for a self-certification (PDF or image), uploaded with it or for an audit. The content is
 * deleted `delete_after` (12 months after the completion date) by a job; name, type, size and SHA-256 stay.
 */
export const cpdEvidence = pgTable(
  "academy_cpd_evidence",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    selfCertificationId: uuid("self_certification_id")
      .notNull()
      .references(() => selfCertifications.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** Base64 of the file; null once deleted. */
    contentBase64: text("content_base64"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
    deleteAfter: date("delete_after", { mode: "string" }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("academy_cpd_evidence_self_cert_idx").on(t.selfCertificationId),
    index("academy_cpd_evidence_due_idx").on(t.deleteAfter).where(sql`${t.deletedAt} is null`),
  ],
);
