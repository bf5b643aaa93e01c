import { Group, Pagination, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import type { SegmentClient, SegmentSort } from "../../../../../src/features/health/segments/contract";
import { formatDate } from "../../../../ui/format-date";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { formatMoney, LEVEL_LABELS, LEVEL_TONES } from "../segment-labels";

type SortField = "name" | "arr" | "renewal" | "pulse" | "score" | "updated";

function SortHeader(props: { field: SortField; label: string; sort: SegmentSort; onSort: (s: SegmentSort) => void }) {
  const { field, label, sort, onSort } = props;
  const active = sort.replace("-", "") === field;
  const descending = sort.startsWith("-");
  const Icon = descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <UnstyledButton
        onClick={() => onSort((active && !descending ? `-${field}` : field) as SegmentSort)}
        fw={600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {label}
          {active ? <Icon size={14} aria-hidden /> : null}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

type SegmentClientsTableProps = {
  clients: SegmentClient[];
  count: number;
  pageSize: number;
  page: number;
  sort: SegmentSort;
  onPage: (page: number) => void;
  onSort: (sort: SegmentSort) => void;
};

/** One page of the segment's clients with pulse, SuccessScore, usage trend, ARR and renewal. */
export function SegmentClientsTable({
  clients,
  count,
  pageSize,
  page,
  sort,
  onPage,
  onSort,
}: SegmentClientsTableProps) {
  if (count === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        No client matches these filters.
      </Text>
    );
  }
  const header = { sort, onSort };
  return (
    <>
      <Table.ScrollContainer minWidth={860}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <SortHeader field="name" label="Client" {...header} />
              <SortHeader field="pulse" label="Pulse" {...header} />
              <SortHeader field="updated" label="Set on" {...header} />
              <SortHeader field="score" label="SuccessScore" {...header} />
              <Table.Th>Usage</Table.Th>
              <SortHeader field="arr" label="ARR" {...header} />
              <SortHeader field="renewal" label="Next renewal" {...header} />
              <Table.Th>CSM</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {c.name}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {[c.clientType, c.archived ? "archived" : null].filter(Boolean).join(" · ")}
                  </Text>
                </Table.Td>
                <Table.Td miw={150}>
                  {c.level ? (
                    <ToneBadge tone={LEVEL_TONES[c.level]} style={{ overflow: "visible" }}>
                      {LEVEL_LABELS[c.level]}
                    </ToneBadge>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      Not set
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: "nowrap" }}>
                  {c.pulseSetAt ? formatDate(c.pulseSetAt) : "—"}
                </Table.Td>
                <Table.Td fz="sm">{c.successScore ?? "—"}</Table.Td>
                <Table.Td fz="sm">
                  {c.usageChangePercent === null
                    ? "—"
                    : `${c.usageChangePercent > 0 ? "+" : ""}${c.usageChangePercent} %`}
                </Table.Td>
                <Table.Td fz="sm">{formatMoney(c.arrMinor, c.currency)}</Table.Td>
                <Table.Td fz="sm">
                  {c.nextRenewalDate ? formatDate(`${c.nextRenewalDate}T00:00:00Z`, "UTC") : "—"}
                </Table.Td>
                <Table.Td fz="sm">{c.assignedCsmName ?? "Unassigned"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {count > pageSize ? (
        <Group justify="flex-end">
          <Pagination
            total={Math.ceil(count / pageSize)}
            value={page}
            onChange={onPage}
            size="sm"
            getControlProps={(control) => ({ "aria-label": `${control} page` })}
          />
        </Group>
      ) : null}
    </>
  );
}
