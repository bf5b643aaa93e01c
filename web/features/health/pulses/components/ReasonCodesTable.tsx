import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReasonCode } from "../../../../../src/features/health/pulses/contract";

const KIND = {
  risk: { label: "Risk", color: "red.8" },
  success: { label: "Success", color: "teal.8" },
  both: { label: "Either", color: "gray.7" },
} as const;

type ReasonCodesTableProps = {
  codes: ReasonCode[];
  onEdit: (code: ReasonCode) => void;
  onSetRetired: (code: ReasonCode, retired: boolean) => void;
  onDelete: (code: ReasonCode) => void;
};

/** The organization's reason codes; a used code can only be retired, so history keeps its meaning. */
export function ReasonCodesTable({ codes, onEdit, onSetRetired, onDelete }: ReasonCodesTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Used</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {codes.map((code) => (
            <Table.Tr key={code.id} c={code.retired ? "dimmed" : undefined}>
              <Table.Td>
                <Group gap={6}>
                  <Text fz="sm" fw={600}>
                    {code.label}
                  </Text>
                  {code.retired ? (
                    <Badge size="xs" variant="outline" color="gray.7">
                      Retired
                    </Badge>
                  ) : null}
                </Group>
                <Text fz="xs" c="dimmed" ff="monospace">
                  {code.code}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">{code.category}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={KIND[code.kind].color}>
                  {KIND[code.kind].label}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
                {code.usageCount}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label="Edit" withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray.7"
                      onClick={() => onEdit(code)}
                      aria-label={`Edit ${code.label}`}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {code.retired ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => onSetRetired(code, false)}>
                      Restore
                    </Button>
                  ) : code.usageCount > 0 ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="orange.9"
                      onClick={() => onSetRetired(code, true)}
                    >
                      Retire
                    </Button>
                  ) : (
                    <Button size="compact-xs" variant="subtle" color="red.8" onClick={() => onDelete(code)}>
                      Delete
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
