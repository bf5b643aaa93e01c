import { z } from "zod";
import { CalendarDate } from "../../../../kernel/calendar-date.js";
import { orderedRanges } from "../../../../kernel/ordered-range.js";
import { text } from "../../../../kernel/text.js";
import { EvidenceUpload, SelfCertView } from "../self-cert/contract.js";
import { AUDIT_STATUSES } from "./schema.js";

export { AUDIT_STATUSES } from "./schema.js";

/** Learners have this many days to send evidence. */
export const AUDIT_RESPONSE_DAYS = 28;

export const SampleBody = z
  .object({
    /** Self-certifications completed in [from, to] (inclusive). */
    from: CalendarDate,
    to: CalendarDate,
    /** Default: the program's rate (CCSMP 10%). */
    ratePercent: z
      .number()
      .int("must be a whole percentage")
      .min(1, "must be 1 or more")
      .max(100, "must be 100 or less")
      .optional(),
    /** Default: a random one; stored with the sample so the draw can be repeated. */
    seed: text().trim().min(1, "is required").max(100, "must be at most 100 characters").optional(),
  })
  .check(orderedRanges<{ from: string; to: string }>([["from", "to"]]));
export type SampleBody = z.infer<typeof SampleBody>;

export const AuditEventView = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorId: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const AuditRequestView = z.object({
  id: z.string(),
  sampleId: z.string(),
  status: z.enum(AUDIT_STATUSES),
  dueAt: z.string(),
  responseNote: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  selfCertification: SelfCertView,
  events: z.array(AuditEventView),
});
export type AuditRequestView = z.infer<typeof AuditRequestView>;

export const SampleView = z.object({
  id: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  ratePercent: z.number().int(),
  seed: z.string(),
  population: z.number().int(),
  selected: z.number().int(),
  drawnAt: z.string(),
});

export const SampleResult = SampleView.extend({ requests: z.array(AuditRequestView) });
export const SampleList = z.object({ items: z.array(SampleView) });
export const AuditRequestList = z.object({ items: z.array(AuditRequestView) });
export const AuditRequestQuery = z.object({ status: z.enum(AUDIT_STATUSES).optional() });

export const AuditRequestParams = z.object({ auditRequestId: z.uuid("is not a valid id") });
export const EvidenceParams = z.object({ evidenceId: z.uuid("is not a valid id") });

export const ResponseBody = z.object({
  note: text().trim().max(2000, "must be at most 2000 characters").optional(),
  evidence: EvidenceUpload,
});
export type ResponseBody = z.infer<typeof ResponseBody>;

export const DecisionBody = z.object({
  decision: z.enum(["accept", "reject"], "must be accept or reject"),
  reason: text("is required").trim().min(1, "is required").max(2000, "must be at most 2000 characters"),
});
export type DecisionBody = z.infer<typeof DecisionBody>;
