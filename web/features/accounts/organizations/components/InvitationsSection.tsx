import { Divider } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { useInvitations, useRevokeInvitation } from "../queries";
import type { Role } from "../role-permissions";
import { InvitationsTable } from "./InvitationsTable";
import { InviteForm } from "./InviteForm";

export function InvitationsSection({
  orgId,
  actorRole,
  timeZone,
}: {
  orgId: string;
  actorRole: Role;
  timeZone: string;
}) {
  const invitations = useInvitations(orgId, true);
  const revoke = useRevokeInvitation(orgId);
  const pending = invitations.data?.invitations.filter((invitation) => invitation.status === "pending") ?? [];

  return (
    <SectionCard
      title="Invitations"
      description="Invite people by email. The link in the email lets them join with the role you pick."
    >
      <InviteForm orgId={orgId} actorRole={actorRole} />
      <Divider label="Pending invitations" labelPosition="left" />
      {invitations.isPending ? <LoadingBlock label="Loading invitations" /> : null}
      <ErrorAlert
        message={invitations.error ? errorMessage(invitations.error) : null}
        title="Could not load invitations"
      />
      {invitations.data ? (
        <InvitationsTable
          invitations={pending}
          timeZone={timeZone}
          revokingId={revoke.isPending ? (revoke.variables ?? null) : null}
          onRevoke={(invitation) =>
            revoke.mutate(invitation.id, {
              onSuccess: () =>
                notifications.show({ color: "teal", message: `Invitation for ${invitation.email} revoked` }),
            })
          }
        />
      ) : null}
    </SectionCard>
  );
}
