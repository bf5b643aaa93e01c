import { Stack, Text, ThemeIcon } from "@mantine/core";
import { IconMailCheck } from "@tabler/icons-react";
import { ResendConfirmation } from "./ResendConfirmation";

/** Shown after sign-up: the account waits for its confirmation link. */
export function CheckEmailNotice({ email }: { email: string }) {
  return (
    <Stack gap="md" align="flex-start">
      <ThemeIcon size={48} radius="xl" variant="light" color="teal.8" aria-hidden>
        <IconMailCheck size={26} />
      </ThemeIcon>
      <Text>
        We sent a confirmation link to <strong>{email}</strong>. Open it to activate your account, then sign in.
      </Text>
      <Text fz="sm" c="dimmed">
        The link expires after a while. Nothing arrived? Check your spam folder or send a new one.
      </Text>
      <ResendConfirmation email={email} />
    </Stack>
  );
}
