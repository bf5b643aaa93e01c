import { Alert, Button, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import type { MeResponse } from "../../../../../src/features/accounts/identity/contract";
import type { InvitationPreview } from "../../../../../src/features/accounts/organizations/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { formatDate } from "../../../../ui/format-date";
import { ButtonLink } from "../../../../ui/RouterLink";
import { rememberReturnTo } from "../../identity/return-to";
import { useAcceptInvitation } from "../queries";
import { RoleBadge } from "./RoleBadge";

type InvitationDecisionProps = { token: string; preview: InvitationPreview; me: MeResponse | null };

export function InvitationDecision({ token, preview, me }: InvitationDecisionProps) {
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const path = `/invitations/${token}`;

  useEffect(() => {
    // Signed-out visitors come back here after signing in (or after confirming a new account).
    if (!me) rememberReturnTo(path);
  }, [me, path]);

  const details = (
    <Paper withBorder p="md" bg="gray.0" radius="md">
      <SimpleGrid cols={2} spacing="xs" style={{ gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: 24 }}>
        <Text fz="sm" c="dimmed">
          Invited by
        </Text>
        <Text fz="sm" fw={600}>
          {preview.invitedBy}
        </Text>
        <Text fz="sm" c="dimmed">
          Invitation for
        </Text>
        <Text fz="sm" fw={600}>
          {preview.email}
        </Text>
        <Text fz="sm" c="dimmed">
          Role
        </Text>
        <div>
          <RoleBadge role={preview.role} />
        </div>
        <Text fz="sm" c="dimmed">
          Expires
        </Text>
        <Text fz="sm" fw={600}>
          {formatDate(preview.expiresAt, me?.user.timeZone)}
        </Text>
      </SimpleGrid>
    </Paper>
  );

  if (!me) {
    return (
      <Stack gap="md">
        {details}
        <Text fz="sm">
          Sign in to accept. New to Pulse? Create an account with{" "}
          <Text span inherit fw={600} style={{ overflowWrap: "anywhere" }}>
            {preview.email}
          </Text>{" "}
          first, then come back to this link.
        </Text>
        <Stack gap="sm">
          <ButtonLink to="/login" search={{ redirect: path, email: preview.email }} size="md" fullWidth>
            Sign in to accept
          </ButtonLink>
          <ButtonLink
            to="/signup"
            search={{ redirect: path, email: preview.email }}
            variant="default"
            size="md"
            fullWidth
          >
            Create an account
          </ButtonLink>
        </Stack>
      </Stack>
    );
  }

  const otherEmail = me.user.email.toLowerCase() !== preview.email.toLowerCase();
  return (
    <Stack gap="md">
      {details}
      <Text fz="sm">
        You are signed in as <strong>{me.user.email}</strong>.
      </Text>
      {otherEmail ? (
        <Alert color="yellow" variant="light" title="Different email address">
          This invitation was sent to {preview.email}. Sign in with that address if accepting fails.
        </Alert>
      ) : null}
      <ErrorAlert message={accept.error ? errorMessage(accept.error) : null} title="Could not accept the invitation" />
      <Button
        size="md"
        loading={accept.isPending}
        onClick={() =>
          accept.mutate(token, {
            onSuccess: () => {
              notifications.show({
                color: "teal",
                title: "Welcome aboard",
                message: `You joined ${preview.organizationName}.`,
              });
              void navigate({ to: "/org" });
            },
          })
        }
      >
        Accept invitation
      </Button>
    </Stack>
  );
}
