import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import type { Invitation } from "../../../../../src/features/accounts/organizations/contract";
import { formatDate } from "../../../../ui/format-date";
import { RoleBadge } from "./RoleBadge";

type InvitationsTableProps = {
  invitations: Invitation[];
  timeZone: string;
  revokingId: string | null;
  onRevoke: (invitation: Invitation) => void;
};

export function InvitationsTable({ invitations, timeZone, revokingId, onRevoke }: InvitationsTableProps) {
  if (invitations.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        No pending invitations.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Invited by</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {invitation.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={invitation.role} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{invitation.invitedBy}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatDate(invitation.expiresAt, timeZone)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="default"
                  loading={revokingId === invitation.id}
                  onClick={() => onRevoke(invitation)}
                  aria-label={`Revoke invitation for ${invitation.email}`}
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
