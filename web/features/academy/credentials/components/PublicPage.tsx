import { Anchor, Box, Container, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { BrandMark } from "../../../../ui/BrandMark";

/** The frame of the public credential pages (evidence, verify): no sign-in needed. */
export function PublicPage({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="md" py="sm">
          <Group justify="space-between">
            <Anchor href="/" underline="never" aria-label="Pulse home">
              <BrandMark />
            </Anchor>
            <Text fz="sm" c="dimmed">
              Pulse Academy credentials
            </Text>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="xl" component="main">
        <Stack gap="lg">{children}</Stack>
      </Container>
    </Box>
  );
}
