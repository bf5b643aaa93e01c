import { Text } from "@mantine/core";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { useRevoke } from "../queries";
import { ReasonDialog } from "./ReasonDialog";

/** Asks for the reason, then revokes: shown everywhere the credential is, until staff reinstate it. */
export function RevokeDialog({ credential, onClose }: { credential: CredentialSummary | null; onClose: () => void }) {
  return (
    <ReasonDialog
      credential={credential}
      title="Revoke credential"
      mutation={useRevoke()}
      intro={(c) => (
        <Text fz="sm">
          Revoke <strong>{c.title}</strong> of {c.holderName}? Verification, the evidence page and the holder's list
          will say "revoked" at once. Staff can reinstate it later, with a reason.
        </Text>
      )}
      reasonDescription="Shown with the credential's status."
      submit={{ label: "Revoke", color: "red" }}
      onClose={onClose}
    />
  );
}
