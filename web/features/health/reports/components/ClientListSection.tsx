import { Box, Button, Group, Pagination, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { ReportClient } from "../../../../../src/features/health/reports/contract";
import type { MoneyMetric } from "../report-measure";
import { PAGE_SIZE, type ReportSort } from "../report-search";
import { ReportClientTable } from "./ReportClientTable";

type ClientListSectionProps = {
  clients: ReportClient[] | undefined;
  total: number;
  page: number;
  onPage: (page: number) => void;
  sort: ReportSort;
  onSort: (sort: ReportSort) => void;
  moneyColumn: MoneyMetric;
  asOf: string | null;
  timeZone: string;
  /** Refreshing after a change: the old rows stay, dimmed. */
  refreshing: boolean;
  /** The latest view failed to load: the rows shown are the last that did. */
  stale?: boolean;
  /** Chips naming the slice or reason the list is narrowed to. */
  chips?: ReactNode;
  /** The export button. */
  actions?: ReactNode;
  /** Shown when no client matches: how to widen the view. */
  onWiden?: () => void;
};

export function ClientListSection(props: ClientListSectionProps) {
  const { clients, total, page, onPage, chips, actions, refreshing, stale } = props;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, total);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="report-clients-title">
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="sm">
          <Group gap="sm" align="center">
            <Title order={2} fz="lg" id="report-clients-title">
              Clients
            </Title>
            <Text fz="sm" c="dimmed" role="status">
              {clients ? `${total.toLocaleString()} ${total === 1 ? "client" : "clients"}` : ""}
            </Text>
            {chips}
          </Group>
          {actions}
        </Group>
        {!clients ? <TableSkeleton /> : null}
        {clients && clients.length === 0 ? (
          <Stack align="center" gap="xs" py="xl">
            <IconUsers size={32} stroke={1.5} color="var(--mantine-color-gray-6)" aria-hidden />
            <Text fw={600}>No clients match this view</Text>
            <Text fz="sm" c="dimmed" ta="center" maw={420}>
              Widen the filters, pick another slice, or set a later "Pulse as of" date.
            </Text>
            {props.onWiden ? (
              <Button variant="light" size="xs" onClick={props.onWiden}>
                Clear filters
              </Button>
            ) : null}
          </Stack>
        ) : null}
        {stale && clients ? (
          <Text fz="sm" c="dimmed">
            This view did not load; the list shows the last one that did.
          </Text>
        ) : null}
        {clients && clients.length > 0 ? (
          <Box style={{ opacity: refreshing || stale ? 0.6 : 1, transition: "opacity 120ms" }} aria-busy={refreshing}>
            <ReportClientTable
              clients={clients}
              moneyColumn={props.moneyColumn}
              sort={props.sort}
              onSort={props.onSort}
              asOf={props.asOf}
              timeZone={props.timeZone}
            />
          </Box>
        ) : null}
        {clients && total > PAGE_SIZE ? (
          <Group justify="space-between">
            <Text fz="sm" c="dimmed">
              Showing {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()}
            </Text>
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={onPage}
              size="sm"
              aria-label="Client list pages"
              getControlProps={(control) => ({ "aria-label": `${control[0]?.toUpperCase()}${control.slice(1)} page` })}
            />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function TableSkeleton() {
  return (
    <Stack gap="sm" aria-hidden>
      <Skeleton height={20} radius="sm" />
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows without identity
        <Skeleton key={i} height={30} radius="sm" />
      ))}
    </Stack>
  );
}
