import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Pagination,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { LIBRARY_PAGE_SIZE, type LibraryListItem } from "../../../../../../src/features/academy/cpd/library/contract";
import { ErrorAlert } from "../../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../../ui/PageHeader";
import { TextLink } from "../../../../../ui/RouterLink";
import { DemoNotice } from "../components/DemoNotice";
import { FacetList } from "../components/FacetList";
import { HighlightedText } from "../components/HighlightedText";
import { FORMAT_LABEL, formatMinutes } from "../labels";
import type { LibrarySearch } from "../library-search";
import { useLibrarySearch } from "../queries";

const route = getRouteApi("/signed-in/cpd/library");

const SORTS = [
  { value: "relevance", label: "Relevance" },
  { value: "newest", label: "Newest" },
  { value: "shortest", label: "Shortest" },
  { value: "title", label: "Title" },
];

/** The CPD Library: keyword search, filters by format and category with counts, sort and pages. */
export function LibraryPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const result = useLibrarySearch(search);
  const [text, setText] = useState(search.q ?? "");
  useEffect(() => setText(search.q ?? ""), [search.q]);
  const go = (next: Partial<LibrarySearch>) =>
    navigate({ search: (prev: LibrarySearch) => ({ ...prev, page: undefined, ...next }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: text.trim() || undefined, sort: undefined });
  };

  return (
    <Stack gap="lg">
      <TextLink to="/cpd" fz="sm">
        ← CPD
      </TextLink>
      <PageHeader
        title="CPD Library"
        description="On-demand CPD items: videos, articles, audio, downloads and tools. Complete an item to add it to your CPD record."
        actions={
          <TextLink to="/cpd/paths" fw={600}>
            CPD Paths →
          </TextLink>
        }
      />
      {result.data?.demo ? <DemoNotice /> : null}
      <search>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="Search the library"
              placeholder="e.g. onboarding, health scores"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: "1 1 260px" }}
            />
            <Button type="submit">Search</Button>
            <Select
              label="Sort by"
              data={SORTS}
              value={result.data?.sort ?? search.sort ?? (search.q ? "relevance" : "newest")}
              onChange={(value) => go({ sort: (value as LibrarySearch["sort"]) ?? undefined })}
              allowDeselect={false}
              w={160}
            />
          </Group>
        </form>
      </search>
      {result.isPending ? <LoadingBlock label="Searching the library" /> : null}
      {result.isError ? <ErrorAlert message={result.error.message} /> : null}
      {result.data ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Stack gap="lg">
              <FacetList
                title="Format"
                facets={result.data.facets.format}
                active={search.format}
                label={(v) => FORMAT_LABEL[v as keyof typeof FORMAT_LABEL] ?? v}
                onSelect={(format) => go({ format: format as LibrarySearch["format"] })}
              />
              <FacetList
                title="Category"
                facets={result.data.facets.category}
                active={search.category}
                onSelect={(category) => go({ category })}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {result.data.total === 1 ? "1 item" : `${result.data.total.toLocaleString()} items`}
                {search.q ? ` for “${search.q}”` : ""}
              </Text>
              {result.data.didYouMean ? (
                <Text>
                  Did you mean{" "}
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => go({ q: result.data.didYouMean ?? undefined })}
                  >
                    {result.data.didYouMean}
                  </Anchor>
                  ?
                </Text>
              ) : null}
              {result.data.items.map((item) => (
                <LibraryCard key={item.id} item={item} />
              ))}
              {result.data.total > LIBRARY_PAGE_SIZE ? (
                <Pagination
                  total={Math.ceil(result.data.total / LIBRARY_PAGE_SIZE)}
                  value={result.data.page}
                  onChange={(page) => navigate({ search: (prev: LibrarySearch) => ({ ...prev, page }) })}
                  getControlProps={(control) => ({ "aria-label": `${control} page` })}
                  getItemProps={(page) => ({ "aria-label": `Page ${page}` })}
                  siblings={1}
                  boundaries={1}
                  size="sm"
                />
              ) : null}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}

function LibraryCard({ item }: { item: LibraryListItem }) {
  return (
    <Card withBorder padding="md" radius="md" component="article">
      <Stack gap={6}>
        <Title order={2} fz="lg">
          <TextLink to="/cpd/library/$itemId" params={{ itemId: item.id }} c="inherit">
            <HighlightedText runs={item.highlight.title} />
          </TextLink>
        </Title>
        <Text size="sm">
          <HighlightedText runs={item.highlight.summary} />
        </Text>
        <Group gap="xs">
          <Badge variant="light">{FORMAT_LABEL[item.format]}</Badge>
          <Badge variant="outline" color="gray">
            {item.category}
          </Badge>
          <Text size="sm" c="dimmed">
            {formatMinutes(item.durationMinutes)}
          </Text>
          {item.completed ? (
            <Badge color="teal" variant="filled">
              Completed
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
