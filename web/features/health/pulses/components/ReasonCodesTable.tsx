import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconArchive, IconArchiveOff, IconPencil, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ReasonCode } from "../../../../../src/features/health/pulses/contract";
import { SoftBadge } from "./SoftBadge";

const KIND = {
  risk: { label: "Risk", color: "red" },
  success: { label: "Success", color: "teal" },
  both: { label: "Either", color: "gray" },
} as const;

type RowActionProps = { label: string; hint: string; color?: string; onClick: () => void; children: ReactNode };

function RowAction({ label, hint, color = "gray.7", onClick, children }: RowActionProps) {
  return (
    <Tooltip label={hint} withArrow>
      <ActionIcon variant="subtle" color={color} onClick={onClick} aria-label={label}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

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
      <Table verticalSpacing={6} highlightOnHover>
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
                <SoftBadge size="sm" color={KIND[code.kind].color}>
                  {KIND[code.kind].label}
                </SoftBadge>
              </Table.Td>
              <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
                {code.usageCount}
              </Table.Td>
              <Table.Td>
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  <RowAction label={`Edit ${code.label}`} hint="Edit" onClick={() => onEdit(code)}>
                    <IconPencil size={16} />
                  </RowAction>
                  {code.retired ? (
                    <RowAction label={`Restore ${code.label}`} hint="Restore" onClick={() => onSetRetired(code, false)}>
                      <IconArchiveOff size={16} />
                    </RowAction>
                  ) : code.usageCount > 0 ? (
                    <RowAction
                      label={`Retire ${code.label}`}
                      hint="Retire: history keeps it, new pulses cannot use it"
                      onClick={() => onSetRetired(code, true)}
                    >
                      <IconArchive size={16} />
                    </RowAction>
                  ) : (
                    <RowAction label={`Delete ${code.label}`} hint="Delete (never used)" onClick={() => onDelete(code)}>
                      <IconTrash size={16} />
                    </RowAction>
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
