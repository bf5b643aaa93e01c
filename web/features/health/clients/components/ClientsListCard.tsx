import {
  Button,
  EmptyState,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconBuildingStore, IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import type { PulseWorkspace } from "../../overview/use-pulse-workspace";
import { todayIn } from "../calendar-date";
import type { ClientListSearch } from "../client-list-search";
import { type MoneyMetric, useClientFacets, useClients } from "../queries";
import { ClientsTable } from "./ClientsTable";

const PAGE_SIZE = 25;
const METRICS = [
  { value: "arr", label: "ARR" },
  { value: "mrr", label: "MRR" },
  { value: "acv", label: "ACV" },
];

type ClientsListCardProps = {
  workspace: PulseWorkspace;
  search: ClientListSearch;
  onSearchChange: (next: Partial<ClientListSearch>) => void;
  onCreate: () => void;
};

/** Search, archived toggle, money metric, the sortable table and its pages. */
export function ClientsListCard({ workspace, search, onSearchChange, onCreate }: ClientsListCardProps) {
  const { orgId, timeZone } = workspace;
  const [text, setText] = useState(search.q ?? "");
  const pushQuery = useDebouncedCallback(
    (q: string) => onSearchChange({ q: q.trim() || undefined, page: undefined }),
    300,
  );
  const facets = useClientFacets(orgId);
  const metric: MoneyMetric = search.metric ?? facets.data?.primaryMetric ?? "arr";
  const page = search.page ?? 1;
  const sort = search.sort ?? "name";
  const clients = useClients(orgId, {
    q: search.q ?? "",
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    includeArchived: search.archived ?? false,
  });
  const total = clients.data?.total ?? 0;
  const filtered = Boolean(search.q);

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="md">
          <Group align="flex-end" gap="lg">
            <TextInput
              label="Search clients"
              placeholder="Name, type or external id"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                pushQuery(event.currentTarget.value);
              }}
              w={300}
            />
            <Switch
              label="Show archived"
              checked={search.archived ?? false}
              onChange={(event) =>
                onSearchChange({ archived: event.currentTarget.checked || undefined, page: undefined })
              }
              mb={8}
            />
          </Group>
          <Group gap="md" align="center">
            <Text fz="sm" c="dimmed" role="status">
              {clients.data ? `${total} ${total === 1 ? "client" : "clients"}` : ""}
            </Text>
            <SegmentedControl
              size="xs"
              data={METRICS}
              value={metric}
              onChange={(value) => onSearchChange({ metric: value as MoneyMetric })}
              aria-label="Money column"
            />
          </Group>
        </Group>
        {clients.isPending ? <LoadingBlock label="Loading clients" /> : null}
        <ErrorAlert message={clients.error ? errorMessage(clients.error) : null} title="Could not load clients" />
        {clients.data && clients.data.clients.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconBuildingStore size={28} aria-hidden />}
            title={filtered ? "No matching clients" : "No clients yet"}
            description={
              filtered
                ? `Nothing matches "${search.q}". Try part of the name, the client type or the external id.`
                : "Add the clients your team looks after to track their pulse, renewals and SuccessScore."
            }
          >
            {filtered ? null : (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate} mt="sm">
                New client
              </Button>
            )}
          </EmptyState>
        ) : null}
        {clients.data && clients.data.clients.length > 0 ? (
          <ClientsTable
            clients={clients.data.clients}
            sort={sort}
            onSort={(next) => onSearchChange({ sort: next === "name" ? undefined : next, page: undefined })}
            metric={metric}
            today={todayIn(timeZone)}
            timeZone={timeZone}
          />
        ) : null}
        {total > PAGE_SIZE ? (
          <Group justify="flex-end">
            <Pagination
              total={Math.ceil(total / PAGE_SIZE)}
              value={page}
              onChange={(next) => onSearchChange({ page: next === 1 ? undefined : next })}
              aria-label="Client list pages"
            />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
