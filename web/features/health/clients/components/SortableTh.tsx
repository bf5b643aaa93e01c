import { Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import type { ClientSortField } from "../../../../../src/features/health/clients/contract";
import type { ClientSort } from "../queries";

type SortableThProps = {
  label: string;
  field: ClientSortField;
  sort: ClientSort;
  onSort: (sort: ClientSort) => void;
  /** The direction of the first click (largest ARR first reads better than smallest). */
  firstDescending?: boolean;
  align?: "left" | "right";
};

/** A column header that sorts the list; announces its state through aria-sort. */
export function SortableTh({ label, field, sort, onSort, firstDescending = false, align = "left" }: SortableThProps) {
  const direction = sort === field ? "ascending" : sort === `-${field}` ? "descending" : "none";
  const next: ClientSort =
    direction === "none" ? (firstDescending ? `-${field}` : field) : direction === "ascending" ? `-${field}` : field;
  const Icon = direction === "ascending" ? IconChevronUp : direction === "descending" ? IconChevronDown : IconSelector;
  return (
    <Table.Th aria-sort={direction} style={{ whiteSpace: "nowrap" }}>
      <UnstyledButton onClick={() => onSort(next)} w="100%" aria-label={`Sort by ${label}`}>
        <Group gap={4} wrap="nowrap" justify={align === "right" ? "flex-end" : "flex-start"}>
          <Text fz="sm" fw={700} c={direction === "none" ? undefined : "indigo.8"}>
            {label}
          </Text>
          <Icon size={14} stroke={2} aria-hidden color="var(--mantine-color-gray-6)" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
