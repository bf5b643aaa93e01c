import { Button, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuildings } from "@tabler/icons-react";
import { CreateOrganizationModal } from "./CreateOrganizationModal";

/** Shown on organization-only pages when the person has no active organization. */
export function NoOrganizationNotice({ area }: { area: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Paper withBorder p="xl">
      <Stack align="center" ta="center" gap="md" py="lg">
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconBuildings size={34} />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {area} needs an organization
        </Title>
        <Text c="dimmed" maw={480}>
          {area} works on your team's shared data. Create an organization, or ask a colleague to invite you to theirs.
        </Text>
        <Button onClick={open}>Create organization</Button>
      </Stack>
      <CreateOrganizationModal opened={opened} onClose={close} />
    </Paper>
  );
}
