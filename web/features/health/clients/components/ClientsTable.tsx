import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import type { Client } from "../../../../../src/features/health/clients/contract";
import { TextLink } from "../../../../ui/RouterLink";
import { CurrentPulseBadge } from "../../pulses/components/CurrentPulseBadge";
import { formatMoney } from "../money";
import type { ClientSort, MoneyMetric } from "../queries";
import { ClientStatusBadge } from "./ClientStatusBadge";
import { RenewalCell } from "./RenewalCell";
import { SortableTh } from "./SortableTh";

const METRIC_LABEL: Record<MoneyMetric, string> = { arr: "ARR", mrr: "MRR", acv: "ACV" };
const METRIC_FIELD = { arr: "arrMinor", mrr: "mrrMinor", acv: "acvMinor" } as const;

type ClientsTableProps = {
  clients: Client[];
  sort: ClientSort;
  onSort: (sort: ClientSort) => void;
  metric: MoneyMetric;
  today: string;
  timeZone: string;
};

export function ClientsTable({ clients, sort, onSort, metric, today, timeZone }: ClientsTableProps) {
  return (
    <Table.ScrollContainer minWidth={920}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="Client" field="name" sort={sort} onSort={onSort} />
            <SortableTh label="Type" field="type" sort={sort} onSort={onSort} />
            <SortableTh label="CSM" field="csm" sort={sort} onSort={onSort} />
            <SortableTh label="Status" field="status" sort={sort} onSort={onSort} />
            {metric === "arr" ? (
              <SortableTh label="ARR" field="arr" sort={sort} onSort={onSort} firstDescending align="right" />
            ) : (
              <Table.Th ta="right">{METRIC_LABEL[metric]}</Table.Th>
            )}
            <SortableTh label="Next renewal" field="renewal" sort={sort} onSort={onSort} />
            <SortableTh label="Pulse" field="pulse" sort={sort} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id} c={client.archived ? "dimmed" : undefined}>
              <Table.Td>
                <Stack gap={0}>
                  <Group gap={6} wrap="nowrap">
                    <TextLink to="/pulse/clients/$clientId" params={{ clientId: client.id }} fw={600} fz="sm">
                      {client.name}
                    </TextLink>
                    {client.archived ? (
                      <Badge size="xs" variant="outline" color="gray.7">
                        Archived
                      </Badge>
                    ) : null}
                  </Group>
                  {client.externalId ? (
                    <Text fz="xs" c="dimmed">
                      {client.externalId}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td fz="sm">{client.clientType || "—"}</Table.Td>
              <Table.Td fz="sm">
                {client.assignedCsmName ?? (
                  <Text span fz="sm" c="dimmed">
                    Unassigned
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ClientStatusBadge status={client.status} />
              </Table.Td>
              <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
                {formatMoney(client[METRIC_FIELD[metric]], client.currency)}
              </Table.Td>
              <Table.Td>
                <RenewalCell date={client.nextRenewalDate} today={today} />
              </Table.Td>
              <Table.Td>
                <CurrentPulseBadge pulse={client.pulse} timeZone={timeZone} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
