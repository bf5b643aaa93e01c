import { Stack, Text, Title } from "@mantine/core";
import { ButtonLink } from "./RouterLink";

type NotFoundViewProps = {
  title?: string;
  message?: string;
};

/** The friendly "nothing here" message used by the 404 page and missing records. */
export function NotFoundView({
  title = "We couldn't find that page",
  message = "The link may be old or mistyped. Head back to Pulse and pick up where you left off.",
}: NotFoundViewProps) {
  return (
    <Stack align="center" gap="md" py={64} px="md" ta="center">
      <Text fz={72} fw={800} c="indigo.7" lh={1} aria-hidden>
        404
      </Text>
      <Title order={1} fz={28}>
        {title}
      </Title>
      <Text c="dimmed" maw={460}>
        {message}
      </Text>
      <ButtonLink to="/" size="md">
        Go to Pulse
      </ButtonLink>
    </Stack>
  );
}
