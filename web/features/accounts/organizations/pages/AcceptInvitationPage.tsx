import { Center, Loader, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PublicLayout } from "../../../../ui/PublicLayout";
import { ButtonLink } from "../../../../ui/RouterLink";
import { useMe } from "../../identity/queries";
import { InvitationDecision } from "../components/InvitationDecision";
import { useInvitationPreview } from "../queries";

const route = getRouteApi("/invitations/$token");

export function AcceptInvitationPage() {
  const { token } = route.useParams();
  const preview = useInvitationPreview(token);
  const me = useMe();

  if (preview.isPending || me.isPending) {
    return (
      <PublicLayout title="Opening your invitation">
        <Center py="md" role="status" aria-label="Loading invitation">
          <Loader />
        </Center>
      </PublicLayout>
    );
  }

  if (preview.isError) {
    return (
      <PublicLayout title="This invitation can't be used">
        <ErrorAlert message={errorMessage(preview.error)} title="Invitation not available" />
        <Text fz="sm">Invitations expire and work only once. Ask the person who invited you to send a new one.</Text>
        <ButtonLink to="/" variant="light">
          Go to Pulse
        </ButtonLink>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout
      title={`Join ${preview.data.organizationName}`}
      subtitle="You have been invited to a Pulse organization."
    >
      <InvitationDecision token={token} preview={preview.data} me={me.data ?? null} />
    </PublicLayout>
  );
}
