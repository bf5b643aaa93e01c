import { Stack } from "@mantine/core";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { useSignedInMe } from "../../identity/queries";
import { activeMembership } from "../active-membership";
import { InvitationsSection } from "../components/InvitationsSection";
import { MembersSection } from "../components/MembersSection";
import { NoOrganizationNotice } from "../components/NoOrganizationNotice";
import { OrganizationDetails } from "../components/OrganizationDetails";
import { RoleBadge } from "../components/RoleBadge";
import { useOrganization } from "../queries";
import { canManageOrganization } from "../role-permissions";

export function OrganizationPage() {
  const me = useSignedInMe();
  const membership = activeMembership(me);
  if (!membership) return <NoOrganizationNotice area="Team" />;
  return <OrganizationView orgId={membership.id} userId={me.user.id} timeZone={me.user.timeZone} />;
}

function OrganizationView({ orgId, userId, timeZone }: { orgId: string; userId: string; timeZone: string }) {
  const organization = useOrganization(orgId);
  if (organization.isPending) return <LoadingBlock label="Loading organization" />;
  if (organization.isError)
    return <ErrorAlert message={errorMessage(organization.error)} title="Could not load the organization" />;

  const role = organization.data.myRole;
  return (
    <>
      <PageHeader
        title={organization.data.name}
        badge={<RoleBadge role={role} />}
        description="Your organization's details, members and invitations."
      />
      <Stack gap="lg">
        <OrganizationDetails organization={organization.data} timeZone={timeZone} />
        <MembersSection orgId={orgId} actorRole={role} actorUserId={userId} timeZone={timeZone} />
        {canManageOrganization(role) ? <InvitationsSection orgId={orgId} actorRole={role} timeZone={timeZone} /> : null}
      </Stack>
    </>
  );
}
