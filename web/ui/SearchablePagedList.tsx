import { Group, Pagination, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { ErrorAlert } from "./ErrorAlert";
import { LoadingBlock } from "./LoadingBlock";

/** The state of a searched, paged list: typing resets to page 1; the query waits 300 ms for typing to stop. */
export function usePagedSearch(pageSize: number) {
  const [search, setSearchText] = useState("");
  const [query] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const setSearch = (value: string) => {
    setSearchText(value);
    setPage(1);
  };
  return { search, setSearch, query, page, setPage, pageSize, offset: (page - 1) * pageSize };
}

type Props = {
  state: ReturnType<typeof usePagedSearch>;
  search: { label: string; placeholder: string };
  /** e.g. "3 messages"; empty while loading. */
  countText: string;
  loadingLabel: string;
  isPending: boolean;
  error: string | null;
  errorTitle: string;
  total: number;
  /** Shown when the page has no rows (null while loading or when it has rows). */
  empty: ReactNode;
  pagesLabel: string;
  children: ReactNode;
};

/** A card with a search box and count, loading and error states, the rows, and pages when there are more. */
export function SearchablePagedList({ state, search, countText, total, ...p }: Props) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <TextInput
            label={search.label}
            placeholder={search.placeholder}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={state.search}
            onChange={(event) => state.setSearch(event.currentTarget.value)}
            w={320}
          />
          <Text fz="sm" c="dimmed" role="status">
            {countText}
          </Text>
        </Group>
        {p.isPending ? <LoadingBlock label={p.loadingLabel} /> : null}
        <ErrorAlert message={p.error} title={p.errorTitle} />
        {p.empty ? (
          <Text c="dimmed" ta="center" py="xl">
            {p.empty}
          </Text>
        ) : null}
        {p.children}
        {total > state.pageSize ? (
          <Group justify="flex-end">
            <Pagination
              total={Math.ceil(total / state.pageSize)}
              value={state.page}
              onChange={state.setPage}
              aria-label={p.pagesLabel}
              getControlProps={(control) => ({ "aria-label": `${control} page` })}
              getItemProps={(page) => ({ "aria-label": `Page ${page}` })}
            />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
