import type { CredentialStatus, CredentialSummary } from "../contract.js";
import { linkedInAddUrl } from "../linkedin.js";
import { credentialUrls, ISSUER_NAME } from "../open-badge.js";
import type { CredentialView } from "../store.js";

/** Revoked wins over expired; a credential without validUntil never expires. */
export function statusOf(row: { revokedAt: Date | null; validUntil: Date | null }, now: Date): CredentialStatus {
  if (row.revokedAt) return "revoked";
  if (row.validUntil && row.validUntil.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/** The name LinkedIn shows: a module badge carries its program's name. */
const linkedInName = (row: CredentialView) => (row.kind === "badge" ? `${row.programTitle}: ${row.title}` : row.title);

export function presentCredential(appUrl: string, row: CredentialView, now: Date): CredentialSummary {
  const urls = credentialUrls(appUrl);
  const evidenceUrl = urls.evidence(row.id);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    criteria: row.criteria,
    programTitle: row.programTitle,
    holderName: row.recipientName,
    issuerName: ISSUER_NAME,
    achievedAt: row.achievedAt.toISOString(),
    issuedAt: row.issuedAt.toISOString(),
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil?.toISOString() ?? null,
    status: statusOf(row, now),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    evidence: row.evidence,
    evidenceUrl,
    verifyUrl: urls.verify(row.id),
    linkedInUrl: linkedInAddUrl({
      name: linkedInName(row),
      organizationName: ISSUER_NAME,
      issuedAt: row.achievedAt,
      expiresAt: row.validUntil,
      certUrl: evidenceUrl,
      certId: row.id,
    }),
    hidden: row.hidden,
  };
}
