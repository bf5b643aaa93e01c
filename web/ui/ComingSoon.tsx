import { List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { PageHeader } from "./PageHeader";
import { ToneBadge } from "./ToneBadge";

type ComingSoonProps = {
  title: string;
  description: string;
  icon: ReactNode;
  highlights: string[];
};

/** Placeholder for a product part that is not built yet. */
export function ComingSoon({ title, description, icon, highlights }: ComingSoonProps) {
  return (
    <>
      <PageHeader
        title={title}
        badge={
          <ToneBadge tone="violet" size="lg">
            Coming
          </ToneBadge>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="xl">
          <Stack gap="md">
            <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
              {icon}
            </ThemeIcon>
            <Title order={2} fz="lg">
              What {title} will do
            </Title>
            <Text>{description}</Text>
          </Stack>
        </Paper>
        <Paper withBorder p="xl">
          <Stack gap="md">
            <Title order={2} fz="lg">
              Planned highlights
            </Title>
            <List
              spacing="sm"
              icon={
                <ThemeIcon size={22} radius="xl" color="teal.8" aria-hidden>
                  <IconCircleCheck size={15} />
                </ThemeIcon>
              }
            >
              {highlights.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      </SimpleGrid>
    </>
  );
}
