import { Alert, Box, Drawer, SimpleGrid, Stack, Text } from "@mantine/core";
import type { OutboxMessage } from "../../../../../src/features/admin/contract";
import { formatDateTime } from "../../../../ui/format-date";
import { LinkifiedText } from "../../../../ui/LinkifiedText";
import { MailStatusBadge } from "./MailStatusBadge";

type MessageDrawerProps = { message: OutboxMessage | null; timeZone: string; onClose: () => void };

export function MessageDrawer({ message, timeZone, onClose }: MessageDrawerProps) {
  return (
    <Drawer
      opened={message !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={message?.subject ?? "Message"}
    >
      {message ? (
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="xs" style={{ gridTemplateColumns: "max-content 1fr" }}>
            <Text fz="sm" c="dimmed">
              To
            </Text>
            <Text fz="sm" fw={600}>
              {message.to}
            </Text>
            <Text fz="sm" c="dimmed">
              Status
            </Text>
            <div>
              <MailStatusBadge status={message.status} />
            </div>
            <Text fz="sm" c="dimmed">
              Created
            </Text>
            <Text fz="sm">{formatDateTime(message.createdAt, timeZone)}</Text>
            <Text fz="sm" c="dimmed">
              Delivered
            </Text>
            <Text fz="sm">{message.deliveredAt ? formatDateTime(message.deliveredAt, timeZone) : "—"}</Text>
          </SimpleGrid>
          {message.lastError ? (
            <Alert color="red" variant="light" title="Last delivery error">
              {message.lastError}
            </Alert>
          ) : null}
          <Box
            component="pre"
            p="md"
            fz="sm"
            bg="gray.0"
            style={{
              whiteSpace: "pre-wrap",
              fontFamily: "inherit",
              borderRadius: 8,
              border: "1px solid var(--mantine-color-gray-3)",
              margin: 0,
            }}
            aria-label="Message text"
          >
            <LinkifiedText text={message.text} />
          </Box>
        </Stack>
      ) : null}
    </Drawer>
  );
}
