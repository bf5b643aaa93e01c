import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import type { CredentialSummary } from "../../../../../src/features/academy/credentials/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";

type ReasonMutation = UseMutationResult<CredentialSummary, Error, { id: string; reason: string }>;

/** A staff action on one credential that needs a reason (revoke, reinstate): the server's field error shows on the field. */
export function ReasonDialog({
  credential,
  title,
  mutation,
  intro,
  reasonDescription,
  submit,
  onClose,
}: {
  credential: CredentialSummary | null;
  title: string;
  mutation: ReasonMutation;
  intro: (credential: CredentialSummary) => ReactNode;
  reasonDescription: string;
  submit: { label: string; color?: string };
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const close = () => {
    setReason("");
    mutation.reset();
    onClose();
  };
  const fieldError = mutation.error && isApiError(mutation.error) ? mutation.error.fields.reason : undefined;
  return (
    <Modal opened={credential !== null} onClose={close} title={title} centered>
      {credential ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate({ id: credential.id, reason }, { onSuccess: close });
          }}
        >
          <Stack gap="md">
            {intro(credential)}
            <Textarea
              label="Reason"
              description={reasonDescription}
              withAsterisk
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={fieldError}
              data-autofocus
            />
            <ErrorAlert message={mutation.error && !fieldError ? errorMessage(mutation.error) : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color={submit.color} loading={mutation.isPending}>
                {submit.label}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
