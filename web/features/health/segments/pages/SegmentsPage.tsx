import { Button, Grid, Group, Paper, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconFileImport } from "@tabler/icons-react";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import type { Segment, SegmentFilter } from "../../../../../src/features/health/segments/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink } from "../../../../ui/RouterLink";
import { useSignedInMe } from "../../../accounts/identity/queries";
import { activeMembership } from "../../../accounts/organizations/active-membership";
import { ExportButtons } from "../components/ExportButtons";
import { SavedSegmentsList } from "../components/SavedSegmentsList";
import { SaveSegmentModal, type SaveSegmentValues } from "../components/SaveSegmentModal";
import { SegmentClientsTable } from "../components/SegmentClientsTable";
import { SegmentFilterForm } from "../components/SegmentFilterForm";
import { SegmentSummary } from "../components/SegmentSummary";
import {
  exportHref,
  useCreateSegment,
  useDeleteSegment,
  useReasonCodeOptions,
  useSegmentFacets,
  useSegmentPreview,
  useSegments,
  useUpdateSegment,
} from "../queries";
import { readSegmentSearch, type SegmentSearch, sameFilter, toSearch } from "../segment-search";

const PAGE_SIZE = 25;

/** The segment builder: filters in the URL, a live count and totals, saved and shared segments, exports. */
export function SegmentsPage() {
  const me = useSignedInMe();
  const orgId = activeMembership(me)?.id ?? "";
  const state = readSegmentSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const go = (next: SegmentSearch) => navigate({ to: "/pulse/segments", search: toSearch(next), replace: true });
  const change = (patch: Partial<SegmentFilter>) => {
    const filter = Object.fromEntries(
      Object.entries({ ...state.filter, ...patch }).filter(([, v]) => v !== undefined),
    ) as SegmentFilter;
    go({ ...state, filter, page: 1 });
  };

  // Strings compare by value, so the debounce settles once typing stops.
  const [filterKey] = useDebouncedValue(JSON.stringify(state.filter), 300);
  const filter = useMemo(() => JSON.parse(filterKey) as SegmentFilter, [filterKey]);
  const offset = (state.page - 1) * PAGE_SIZE;
  const preview = useSegmentPreview(orgId, { filter, sort: state.sort, limit: PAGE_SIZE, offset });
  const facets = useSegmentFacets(orgId);
  const reasons = useReasonCodeOptions(orgId);
  const segments = useSegments(orgId);
  const active = segments.data?.segments.find((s) => s.id === state.segment);
  const unchanged = active !== undefined && sameFilter(active.filter, state.filter);

  const create = useCreateSegment(orgId);
  const update = useUpdateSegment(orgId);
  const remove = useDeleteSegment(orgId);
  const [saving, setSaving] = useState<"new" | "existing" | null>(null);
  const saveMutation = saving === "existing" ? update : create;

  const save = async (values: SaveSegmentValues) => {
    const segment =
      saving === "existing" && active
        ? await update.mutateAsync({ id: active.id, body: { ...values, filter: state.filter } })
        : await create.mutateAsync({ ...values, filter: state.filter });
    setSaving(null);
    notifications.show({ color: "teal", message: `Saved "${segment.name}".` });
    go({ ...state, segment: segment.id });
  };
  const open = (segment: Segment) => go({ filter: segment.filter, segment: segment.id, sort: state.sort, page: 1 });
  const source = unchanged && active ? { segmentId: active.id } : { filter: state.filter };
  const initial = useMemo(
    () =>
      saving === "existing" && active ? { name: active.name, shared: active.shared } : { name: "", shared: false },
    [saving, active],
  );

  return (
    <>
      <PageHeader
        title={active ? active.name : "Segments"}
        description={
          active && !unchanged
            ? "Filters changed since this segment was saved."
            : "Filter clients by pulse, reasons, SuccessScore, renewal, usage and any client field. The view's address keeps the filters, so it can be bookmarked and shared."
        }
        actions={
          <>
            <ButtonLink
              to="/pulse/clients/import"
              variant="subtle"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              Import clients
            </ButtonLink>
            {active?.canEdit && !unchanged ? (
              <Button variant="default" onClick={() => setSaving("existing")}>
                Save changes
              </Button>
            ) : null}
            <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => setSaving("new")}>
              {active ? "Save as new" : "Save segment"}
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          <Stack>
            <SavedSegmentsList
              segments={segments.data?.segments ?? []}
              activeId={state.segment}
              onOpen={open}
              onDelete={async (s) => {
                await remove.mutateAsync(s.id);
                if (s.id === state.segment) go({ ...state, segment: undefined });
              }}
              deleting={remove.isPending}
            />
            <SegmentFilterForm
              filter={state.filter}
              onChange={change}
              facets={facets.data}
              reasonCodes={reasons.data?.reasonCodes ?? []}
              resolved={preview.data?.resolved}
              onClear={() => go({ filter: {}, sort: state.sort, page: 1 })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          <Stack>
            <SegmentSummary result={preview.data} />
            <ErrorAlert message={preview.error ? errorMessage(preview.error) : null} />
            <Paper withBorder p="md" component="section" aria-label="Clients in this segment">
              <Stack>
                <Group justify="flex-end">
                  <ExportButtons
                    csvHref={exportHref(orgId, "csv", source)}
                    xlsxHref={exportHref(orgId, "xlsx", source)}
                    disabled={!preview.data?.count}
                  />
                </Group>
                {preview.data ? (
                  <SegmentClientsTable
                    clients={preview.data.clients}
                    count={preview.data.count}
                    page={state.page}
                    pageSize={PAGE_SIZE}
                    sort={state.sort}
                    onPage={(page) => go({ ...state, page })}
                    onSort={(sort) => go({ ...state, sort, page: 1 })}
                  />
                ) : null}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <SaveSegmentModal
        opened={saving !== null}
        title={saving === "existing" ? "Save changes to the segment" : "Save segment"}
        initial={initial}
        saving={saveMutation.isPending}
        error={saveMutation.error}
        onClose={() => {
          setSaving(null);
          saveMutation.reset();
        }}
        onSave={(values) => void save(values).catch(() => undefined)}
      />
    </>
  );
}
