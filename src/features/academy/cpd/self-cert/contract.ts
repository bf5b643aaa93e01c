import { z } from "zod";
import { CalendarDate } from "../../../../kernel/calendar-date.js";
import { text } from "../../../../kernel/text.js";
import { CONTENT_TYPES } from "./schema.js";

export { CONTENT_TYPES } from "./schema.js";

/** Evidence files: PDF or image, at most this many bytes (sent as base64 in the JSON body). */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;
export const EVIDENCE_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const;

export const EvidenceUpload = z.object({
  fileName: text("must be a file name").trim().min(1, "is required").max(200, "must be at most 200 characters"),
  mediaType: z.enum(EVIDENCE_TYPES, "must be a PDF, PNG, JPEG or WebP file"),
  contentBase64: z
    .string("must be the file as base64")
    .max(Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 4, `must be at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be the file as base64"),
});
export type EvidenceUpload = z.infer<typeof EvidenceUpload>;

/** POST /api/academy/cpd/self-certifications: the seed's fields (name and email come from the account). */
export const SelfCertBody = z.object({
  contentType: z.enum(CONTENT_TYPES, `must be one of ${CONTENT_TYPES.join(", ")}`),
  title: text("is required").trim().min(1, "is required").max(300, "must be at most 300 characters"),
  provider: text("is required").trim().min(1, "is required").max(200, "must be at most 200 characters"),
  hours: z
    .number("must be a whole number of hours")
    .int("must be a whole number of hours")
    .min(0, "must be 0 or more")
    .max(100, "must be 100 or less"),
  minutes: z
    .number("must be a whole number of minutes")
    .int("must be a whole number of minutes")
    .min(0, "must be 0 or more")
    .max(60, "must be 60 or less"),
  completedOn: CalendarDate,
  consent: z.boolean("must be confirmed"),
  evidence: EvidenceUpload.optional(),
});
export type SelfCertBody = z.infer<typeof SelfCertBody>;

export const EvidenceMeta = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  deleteAfter: z.string(),
  deleted: z.boolean(),
});

export const SelfCertView = z.object({
  id: z.string(),
  entryId: z.string(),
  name: z.string(),
  email: z.string(),
  contentType: z.enum(CONTENT_TYPES),
  title: z.string(),
  provider: z.string(),
  hours: z.number().int(),
  minutes: z.number().int(),
  completedOn: z.string(),
  submittedAt: z.string(),
  evidence: z.array(EvidenceMeta),
  /** The audit of this self-certification, if it was sampled. */
  audit: z.object({ id: z.string(), status: z.string(), dueAt: z.string(), reason: z.string().nullable() }).nullable(),
  /** Taken out of the record (audit rejected or expired). */
  reversed: z.boolean(),
});
export type SelfCertView = z.infer<typeof SelfCertView>;

export const SelfCertList = z.object({ items: z.array(SelfCertView) });
