import { Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { PublicLayout } from "../../../../ui/PublicLayout";
import { ButtonLink, TextLink } from "../../../../ui/RouterLink";
import { ResetPasswordForm } from "../components/ResetPasswordForm";

const route = getRouteApi("/reset-password");

export function ResetPasswordPage() {
  const { token } = route.useSearch();
  const [done, setDone] = useState(false);

  if (!token) {
    return (
      <PublicLayout title="This link is incomplete">
        <Text>The reset link is missing its code. Ask for a new one and open it straight from the email.</Text>
        <ButtonLink to="/forgot-password">Ask for a new link</ButtonLink>
      </PublicLayout>
    );
  }

  if (done) {
    return (
      <PublicLayout title="Password changed">
        <Text role="status">Your new password is set. Sign in with it to continue.</Text>
        <ButtonLink to="/login" size="md" fullWidth>
          Sign in
        </ButtonLink>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout
      title="Choose a new password"
      subtitle="Pick something you don't use elsewhere."
      footer={
        <>
          Link expired?{" "}
          <TextLink to="/forgot-password" fw={600}>
            Ask for a new one
          </TextLink>
        </>
      }
    >
      <ResetPasswordForm token={token} onReset={() => setDone(true)} />
    </PublicLayout>
  );
}
