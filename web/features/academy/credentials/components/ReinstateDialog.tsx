import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDate } from "../../../../ui/format-date";
import { useReinstate } from "../queries";

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
  const [reason, setReason] = useState("");
  const reinstate = useReinstate();
  const close = () => {
    setReason("");
    reinstate.reset();
    onClose();
  };
  const fieldError = reinstate.error && isApiError(reinstate.error) ? reinstate.error.fields.reason : undefined;
  const expired = credential?.validUntil ? Date.parse(credential.validUntil) <= Date.now() : false;
  return (
    <Modal opened={credential !== null} onClose={close} title="Reinstate credential" centered>
      {credential ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            reinstate.mutate({ id: credential.id, reason }, { onSuccess: close });
          }}
        >
          <Stack gap="md">
            <Text fz="sm">
              Reinstate <strong>{credential.title}</strong> of {credential.holderName}? The same signed credential
              verifies again, and the evidence page and the holder's list show it{" "}
              {expired ? "as expired (its validity has ended)" : "as valid"} at once.
            </Text>
            <Text fz="sm" c="dimmed">
              Revoked{credential.revokedAt ? ` on ${formatDate(credential.revokedAt, timeZone)}` : ""}:{" "}
              {credential.revokedReason}. The revocation stays in the credential's history.
            </Text>
            <Textarea
              label="Reason"
              description="Why the revocation is lifted; kept in the credential's history."
              withAsterisk
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={fieldError}
              data-autofocus
            />
            <ErrorAlert message={reinstate.error && !fieldError ? errorMessage(reinstate.error) : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={reinstate.isPending}>
                Reinstate
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
