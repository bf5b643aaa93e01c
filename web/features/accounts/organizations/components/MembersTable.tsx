import { ActionIcon, Avatar, Group, Select, Stack, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconUserMinus } from "@tabler/icons-react";
import type { Member } from "../../../../../src/features/accounts/organizations/contract";
import { formatDate } from "../../../../ui/format-date";
import { assignableRoles, canEditMember, canManageOrganization, ROLE_LABELS, type Role } from "../role-permissions";
import { ReportsToCell } from "./ReportsToCell";
import { RoleBadge } from "./RoleBadge";

type MembersTableProps = {
  members: Member[];
  actorRole: Role;
  actorUserId: string;
  timeZone: string;
  onChangeRole: (member: Member, role: Role) => void;
  onSetManager: (member: Member, managerUserId: string | null) => void;
  onRemove: (member: Member) => void;
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
}

export function MembersTable({
  members,
  actorRole,
  actorUserId,
  timeZone,
  onChangeRole,
  onSetManager,
  onRemove,
}: MembersTableProps) {
  const manager = canManageOrganization(actorRole);
  const roles = assignableRoles(actorRole);

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Reports to</Table.Th>
            <Table.Th>Joined</Table.Th>
            {manager ? (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const editable = canEditMember(actorRole, actorUserId, member);
            const options = roles.includes(member.role) ? roles : [member.role, ...roles];
            return (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar color="indigo" radius="xl" size="md" aria-hidden>
                      {initials(member.name)}
                    </Avatar>
                    <Stack gap={0}>
                      <Text fz="sm" fw={600}>
                        {member.name}
                        {member.userId === actorUserId ? " (you)" : ""}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {member.email}
                      </Text>
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    <Select
                      aria-label={`Role for ${member.name}`}
                      data={options.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                      value={member.role}
                      allowDeselect={false}
                      w={150}
                      size="xs"
                      onChange={(value) => {
                        if (value && value !== member.role) onChangeRole(member, value as Role);
                      }}
                    />
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </Table.Td>
                <Table.Td>
                  <ReportsToCell member={member} members={members} editable={manager} onChange={onSetManager} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatDate(member.joinedAt, timeZone)}</Text>
                </Table.Td>
                {manager ? (
                  <Table.Td ta="right">
                    {editable ? (
                      <Tooltip label="Remove from organization">
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          aria-label={`Remove ${member.name}`}
                          onClick={() => onRemove(member)}
                        >
                          <IconUserMinus size={18} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
