import { Stack, Text, ThemeIcon } from "@mantine/core";
import { IconMailForward } from "@tabler/icons-react";
import { useState } from "react";
import { PublicLayout } from "../../../../ui/PublicLayout";
import { TextLink } from "../../../../ui/RouterLink";
import { ForgotPasswordForm } from "../components/ForgotPasswordForm";

export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const footer = (
    <>
      Remembered it?{" "}
      <TextLink to="/login" fw={600}>
        Back to sign in
      </TextLink>
    </>
  );

  if (sentTo) {
    return (
      <PublicLayout title="Check your email" footer={footer}>
        <Stack gap="md" align="flex-start" role="status">
          <ThemeIcon size={48} radius="xl" variant="light" color="teal.8" aria-hidden>
            <IconMailForward size={26} />
          </ThemeIcon>
          <Text>
            If an account exists for <strong>{sentTo}</strong>, we sent a link to reset the password.
          </Text>
          <Text fz="sm" c="dimmed">
            The link works once and expires soon. Check your spam folder if it does not arrive in a few minutes.
          </Text>
        </Stack>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout
      title="Reset your password"
      subtitle="Enter the email you sign in with and we'll send you a link to choose a new password."
      footer={footer}
    >
      <ForgotPasswordForm onSent={setSentTo} />
    </PublicLayout>
  );
}
