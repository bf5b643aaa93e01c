import { Box, Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ReportClient } from "../../../../../src/features/health/reports/contract";
import { formatDate } from "../../../../ui/format-date";
import { formatCalendarDate } from "../../clients/calendar-date";
import type { ClientStatusValue } from "../../clients/client-status-display";
import { ClientStatusBadge } from "../../clients/components/ClientStatusBadge";
import { currencyDigits, formatMoney } from "../../clients/money";
import { NoPulseBadge, PulseBadge } from "../../pulses/components/PulseBadge";
import { MEASURE_LABELS, type MoneyMetric } from "../report-measure";
import type { ReportSort, SortField } from "../report-search";
import { ClientNameLink } from "./ClientNameLink";
import { PulseTrend, TREND_DAYS } from "./PulseTrend";

type ReportClientTableProps = {
  clients: ReportClient[];
  moneyColumn: MoneyMetric;
  sort: ReportSort;
  onSort: (sort: ReportSort) => void;
  asOf: string | null;
  timeZone: string;
};

/** The list shows whole units ("$362,997"); the exact amount is in the tooltip and the CSV. */
const formatWholeMoney = (minor: number, currency: string) => {
  const unit = 10 ** currencyDigits(currency);
  return formatMoney(Math.round(minor / unit) * unit, currency);
};

/** Money and dates read best newest or largest first; names and levels (worst first) ascending. */
const FIRST_DIRECTION: Record<SortField, "" | "-"> = { name: "", value: "-", renewal: "", level: "", updated: "-" };

function SortHeader({
  field,
  sort,
  onSort,
  children,
  align,
  miw,
}: {
  field: SortField;
  sort: ReportSort;
  onSort: (sort: ReportSort) => void;
  children: ReactNode;
  align?: "right";
  miw?: number;
}) {
  const active = sort.replace("-", "") === field;
  const descending = sort.startsWith("-");
  const next = (active ? (descending ? "" : "-") : FIRST_DIRECTION[field]) + field;
  const Icon = !active ? IconSelector : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (descending ? "descending" : "ascending") : "none"} ta={align} miw={miw}>
      <UnstyledButton onClick={() => onSort(next as ReportSort)} fz="sm" fw={700}>
        <Group gap={4} wrap="nowrap" justify={align === "right" ? "flex-end" : undefined}>
          {children}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Seed 001's interactive client list: sortable, with each client's 90-day pulse trend and a link to the client. */
export function ReportClientTable({ clients, moneyColumn, sort, onSort, asOf, timeZone }: ReportClientTableProps) {
  const header = { sort, onSort };
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table verticalSpacing="xs" horizontalSpacing={8} highlightOnHover style={{ whiteSpace: "nowrap" }}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="name" {...header}>
              Client
            </SortHeader>
            <Table.Th>Type</Table.Th>
            <Table.Th>CSM</Table.Th>
            <Table.Th>Status</Table.Th>
            <SortHeader field="value" align="right" {...header}>
              {MEASURE_LABELS[moneyColumn]}
            </SortHeader>
            <SortHeader field="renewal" {...header}>
              Next renewal
            </SortHeader>
            <SortHeader field="level" {...header}>
              Pulse
            </SortHeader>
            <SortHeader field="updated" {...header}>
              Last updated
            </SortHeader>
            <Table.Th>{TREND_DAYS}-day trend</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Td>
                <ClientNameLink clientId={client.id} name={client.name} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{client.clientType || "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={client.assignedCsmName ? undefined : "dimmed"}>
                  {client.assignedCsmName ?? "Unassigned"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Box w="max-content">
                  <ClientStatusBadge status={client.status as ClientStatusValue} />
                </Box>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                <Text fz="sm" title={formatMoney(client.value, client.currency)}>
                  {formatWholeMoney(client.value, client.currency)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatCalendarDate(client.nextRenewalDate)}</Text>
              </Table.Td>
              <Table.Td>
                <Box w="max-content">
                  {client.level ? <PulseBadge level={client.level} size="sm" /> : <NoPulseBadge size="sm" />}
                </Box>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={client.pulseUpdatedAt ? undefined : "dimmed"}>
                  {client.pulseUpdatedAt ? formatDate(client.pulseUpdatedAt, timeZone) : "Never"}
                </Text>
              </Table.Td>
              <Table.Td>
                <PulseTrend trend={client.trend} clientName={client.name} asOf={asOf} timeZone={timeZone} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
