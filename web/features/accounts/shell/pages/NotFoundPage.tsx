import { Box, Container, Group } from "@mantine/core";
import { BrandMark } from "../../../../ui/BrandMark";
import { NotFoundView } from "../../../../ui/NotFoundView";

export function NotFoundPage() {
  return (
    <>
      <Box
        component="header"
        px="lg"
        py="md"
        bg="white"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Group>
          <BrandMark />
        </Group>
      </Box>
      <Container component="main" size="sm">
        <NotFoundView />
      </Container>
    </>
  );
}
