import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { useRevoke } from "../queries";

/** Asks for the reason, then revokes: shown everywhere the credential is, until staff reinstate it. */
export function RevokeDialog({ credential, onClose }: { credential: CredentialSummary | null; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const revoke = useRevoke();
  const close = () => {
    setReason("");
    revoke.reset();
    onClose();
  };
  const fieldError = revoke.error && isApiError(revoke.error) ? revoke.error.fields.reason : undefined;
  return (
    <Modal opened={credential !== null} onClose={close} title="Revoke credential" centered>
      {credential ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            revoke.mutate({ id: credential.id, reason }, { onSuccess: close });
          }}
        >
          <Stack gap="md">
            <Text fz="sm">
              Revoke <strong>{credential.title}</strong> of {credential.holderName}? Verification, the evidence page and
              the holder's list will say "revoked" at once. Staff can reinstate it later, with a reason.
            </Text>
            <Textarea
              label="Reason"
              description="Shown with the credential's status."
              withAsterisk
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={fieldError}
              data-autofocus
            />
            <ErrorAlert message={revoke.error && !fieldError ? errorMessage(revoke.error) : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={revoke.isPending}>
                Revoke
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
