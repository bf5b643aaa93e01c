import { Text } from "@mantine/core";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { formatDate } from "../../../../ui/format-date";
import { useReinstate } from "../queries";
import { ReasonDialog } from "./ReasonDialog";

/**
 * Asks for the reason, then lifts the revocation: the credential's status list entry is cleared, so the
 * signed credential the holder already shared verifies again (expired instead, if its validity ended).
 */
export function ReinstateDialog({
  credential,
  timeZone,
  onClose,
}: {
  credential: CredentialSummary | null;
  timeZone: string;
  onClose: () => void;
}) {
  return (
    <ReasonDialog
      credential={credential}
      title="Reinstate credential"
      mutation={useReinstate()}
      intro={(c) => {
        const expired = c.validUntil ? Date.parse(c.validUntil) <= Date.now() : false;
        return (
          <>
            <Text fz="sm">
              Reinstate <strong>{c.title}</strong> of {c.holderName}? The same signed credential verifies again, and the
              evidence page and the holder's list show it {expired ? "as expired (its validity has ended)" : "as valid"}{" "}
              at once.
            </Text>
            <Text fz="sm" c="dimmed">
              Revoked{c.revokedAt ? ` on ${formatDate(c.revokedAt, timeZone)}` : ""}: {c.revokedReason}. The revocation
              stays in the credential's history.
            </Text>
          </>
        );
      }}
      reasonDescription="Why the revocation is lifted; kept in the credential's history."
      submit={{ label: "Reinstate" }}
      onClose={onClose}
    />
  );
}
