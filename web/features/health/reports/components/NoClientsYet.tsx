import { Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconChartPie } from "@tabler/icons-react";
import { ButtonLink } from "../../../../ui/RouterLink";

/** The reports before the organization has any client: say where to start. */
export function NoClientsYet() {
  return (
    <Paper withBorder p="xl">
      <Stack align="center" ta="center" gap="md" py="lg">
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconChartPie size={34} />
        </ThemeIcon>
        <Title order={2} fz={22}>
          No clients to report on yet
        </Title>
        <Text c="dimmed" maw={480}>
          Add your clients and set their pulse: this report then shows how healthy they are, by count or by ARR, MRR or
          ACV.
        </Text>
        <ButtonLink to="/pulse/clients">Go to clients</ButtonLink>
      </Stack>
    </Paper>
  );
}
