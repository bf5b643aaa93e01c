import type { CredentialStatus, VerifyStatus } from "../../../../../src/features/academy/credentials/contract";
import { type Tone, ToneBadge } from "../../../../ui/ToneBadge";

const LOOK: Record<VerifyStatus, { tone: Tone; label: string }> = {
  valid: { tone: "teal", label: "Valid" },
  expired: { tone: "orange", label: "Expired" },
  revoked: { tone: "red", label: "Revoked" },
  tampered: { tone: "red", label: "Tampered" },
};

export function CredentialStatusBadge({ status }: { status: CredentialStatus | VerifyStatus }) {
  const look = LOOK[status];
  return (
    <ToneBadge tone={look.tone} data-status={status}>
      {look.label}
    </ToneBadge>
  );
}

export const KIND_LABEL = { badge: "Badge", certificate: "Certificate", certification: "Certification" } as const;
