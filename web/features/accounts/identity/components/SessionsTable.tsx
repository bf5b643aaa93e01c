import { Badge, Button, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconDeviceDesktop } from "@tabler/icons-react";
import type { SessionInfo } from "../../../../../src/features/accounts/identity/contract";
import { formatDateTime } from "../../../../ui/format-date";
import { describeUserAgent } from "../describe-user-agent";

type SessionsTableProps = {
  sessions: SessionInfo[];
  timeZone: string;
  revokingId: string | null;
  onRevoke: (session: SessionInfo) => void;
};

export function SessionsTable({ sessions, timeZone, revokingId, onRevoke }: SessionsTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>IP address</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last active</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <IconDeviceDesktop size={18} aria-hidden />
                  <Text fz="sm" fw={500} title={session.userAgent ?? undefined}>
                    {describeUserAgent(session.userAgent)}
                  </Text>
                  {session.current ? (
                    <Badge color="teal.9" variant="filled" size="sm">
                      This device
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{session.ip ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatDateTime(session.createdAt, timeZone)}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatDateTime(session.lastSeenAt, timeZone)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="default"
                  loading={revokingId === session.id}
                  onClick={() => onRevoke(session)}
                  aria-label={
                    session.current
                      ? "Sign out this device"
                      : `Sign out ${describeUserAgent(session.userAgent)} session`
                  }
                >
                  Sign out
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
