import { Loader, Stack, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PublicLayout } from "../../../../ui/PublicLayout";
import { ButtonLink, TextLink } from "../../../../ui/RouterLink";
import { useConfirmEmail } from "../queries";

const route = getRouteApi("/confirm-email");

export function ConfirmEmailPage() {
  const { token } = route.useSearch();
  const confirm = useConfirmEmail();
  const sent = useRef(false);

  useEffect(() => {
    // Confirm once, even when React runs effects twice in development.
    if (!token || sent.current) return;
    sent.current = true;
    confirm.mutate({ token });
  }, [token, confirm]);

  if (!token) {
    return (
      <PublicLayout title="This link is incomplete">
        <Text>
          The confirmation link is missing its code. Open the link from your email again, or sign in to ask for a new
          one.
        </Text>
        <ButtonLink to="/login">Go to sign in</ButtonLink>
      </PublicLayout>
    );
  }

  if (confirm.isSuccess) {
    return (
      <PublicLayout title="Email confirmed">
        <Text role="status">Your email address is confirmed. You can sign in now.</Text>
        <ButtonLink to="/login" size="md" fullWidth>
          Sign in
        </ButtonLink>
      </PublicLayout>
    );
  }

  if (confirm.isError) {
    return (
      <PublicLayout title="We couldn't confirm your email">
        <ErrorAlert message={errorMessage(confirm.error)} title="The link did not work" />
        <Text fz="sm">
          Links expire and work only once. If you already confirmed, just <TextLink to="/login">sign in</TextLink>.
          Otherwise, sign in to ask for a new link.
        </Text>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title="Confirming your email">
      <Stack align="center" py="md" role="status" aria-label="Confirming">
        <Loader />
        <Text c="dimmed">One moment…</Text>
      </Stack>
    </PublicLayout>
  );
}
