import { z } from "zod";
import { Text } from "../../../kernel/text.js";

export const CREDENTIAL_KINDS = ["badge", "certificate", "certification"] as const;
/** A credential's standing: revoked wins over expired. */
export const CREDENTIAL_STATUSES = ["valid", "expired", "revoked"] as const;
/** What verification says about a presented VC-JWT ("tampered": not signed by Pulse Academy as presented). */
export const VERIFY_STATUSES = [...CREDENTIAL_STATUSES, "tampered"] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export const CredentialParams = z.object({ credentialId: z.uuid("must be a credential id") });
export const StatusListParams = z.object({
  list: z.coerce.number().int("must be a whole number").min(0, "cannot be negative").max(100_000),
});

export const CredentialEvidence = z.object({
  modules: z.array(
    z.object({ id: z.string(), number: z.number(), title: z.string(), completedAt: z.string().nullable() }),
  ),
  exams: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      scorePercent: z.number(),
      passPercent: z.number(),
      passed: z.boolean(),
      at: z.string(),
    }),
  ),
});

/** A credential as its holder, a visitor of its evidence page and admins see it. */
export const CredentialSummary = z.object({
  id: z.uuid(),
  kind: z.enum(CREDENTIAL_KINDS),
  title: z.string(),
  description: z.string(),
  criteria: z.string(),
  programTitle: z.string(),
  holderName: z.string(),
  issuerName: z.string(),
  achievedAt: z.iso.datetime(),
  issuedAt: z.iso.datetime(),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime().nullable(),
  status: z.enum(CREDENTIAL_STATUSES),
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.string().nullable(),
  evidence: CredentialEvidence,
  evidenceUrl: z.string(),
  verifyUrl: z.string(),
  /** LinkedIn's "Add license or certification" form, filled in. */
  linkedInUrl: z.string(),
  hidden: z.boolean(),
});
export type CredentialSummary = z.infer<typeof CredentialSummary>;

export const MyCredentialList = z.object({ credentials: z.array(CredentialSummary) });
export type MyCredentialList = z.infer<typeof MyCredentialList>;

/** The public evidence page: the summary and the signed credential, so anyone can verify it. */
export const EvidencePage = CredentialSummary.extend({ jwt: z.string(), viewerIsHolder: z.boolean() });
export type EvidencePage = z.infer<typeof EvidencePage>;

export const UpdateMyCredentialBody = z.object({ hidden: z.boolean() });
export type UpdateMyCredentialBody = z.infer<typeof UpdateMyCredentialBody>;

export const VerifyBody = z.object({
  /** The VC-JWT (compact JWS); the downloaded JSON (EnvelopedVerifiableCredential) is accepted too. */
  credential: Text.trim().min(1, "paste a credential").max(100_000, "is too long"),
  /** Optional: does this email match the credential's hashed recipient? */
  email: z.email("must be an email address").optional(),
});
export type VerifyBody = z.infer<typeof VerifyBody>;

export const VerifiedCredential = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  achievementType: z.string(),
  criteria: z.string(),
  issuerName: z.string(),
  issuerId: z.string(),
  holderName: z.string().nullable(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  awardedDate: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.string().nullable(),
  evidence: z.array(z.object({ name: z.string(), narrative: z.string() })),
  evidenceUrl: z.string().nullable(),
});
export type VerifiedCredential = z.infer<typeof VerifiedCredential>;

export const VerifyResult = z.object({
  status: z.enum(VERIFY_STATUSES),
  /** Why a credential is not valid, in words. */
  reason: z.string().optional(),
  credential: VerifiedCredential.optional(),
  recipientMatches: z.boolean().optional(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const AdminCredentialQuery = z.object({
  q: Text.trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AdminCredentialQuery = z.input<typeof AdminCredentialQuery>;

export const AdminCredential = CredentialSummary.extend({ holderId: z.uuid() });
export const AdminCredentialList = z.object({ credentials: z.array(AdminCredential), total: z.number() });
export type AdminCredentialList = z.infer<typeof AdminCredentialList>;

export const RevokeBody = z.object({
  reason: Text.trim().min(3, "say why, in at least 3 characters").max(500, "keep it under 500 characters"),
});
export type RevokeBody = z.infer<typeof RevokeBody>;

/**
 * Staff lift a revocation (made by mistake, or the case was resolved): the credential's status list bit
 * is cleared, so the same signed VC-JWT verifies as valid again (or expired, if its validUntil passed).
 */
export const ReinstateBody = z.object({
  reason: Text.trim().min(3, "say why, in at least 3 characters").max(500, "keep it under 500 characters"),
});
export type ReinstateBody = z.infer<typeof ReinstateBody>;

/** Staff award a credential for a module or level (e.g. Level 5, issued by training specialists). */
export const AwardBody = z.object({
  userId: z.uuid("must be a user id"),
  object: z.enum(["module", "level"]),
  /** The module's or level's content key, e.g. "ccsmp.l4". */
  key: Text.trim().min(1, "name the module or level").max(120),
});
export type AwardBody = z.infer<typeof AwardBody>;
