import { Badge, Grid, Group, Paper, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconChartPie, IconChartTreemap, IconHistory } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useMemo } from "react";
import { PageHeader } from "../../../../ui/PageHeader";
import { formatCalendarDate, todayIn } from "../../clients/calendar-date";
import { usePulseWorkspace } from "../../overview/use-pulse-workspace";
import { ActiveFilterChip } from "../components/ActiveFilterChip";
import { ClientListSection } from "../components/ClientListSection";
import { ExportCsvButton } from "../components/ExportCsvButton";
import { NoClientsYet } from "../components/NoClientsYet";
import { ReasonsChart } from "../components/ReasonsChart";
import { ReportError } from "../components/ReportError";
import { ReportFilters } from "../components/ReportFilters";
import { ReportSwitcher } from "../components/ReportSwitcher";
import { ChartTypeControl, MeasureControl } from "../components/ReportToggles";
import { TopReasons } from "../components/TopReasons";
import { usePulseReasonsReport, useReportFacets } from "../queries";
import { reasonColors } from "../reason-colors";
import { formatAmount, measured, moneyColumnOf } from "../report-measure";
import { activeFilterCount, FILTER_KEYS, type ReasonsReportSearch, reportQuery } from "../report-search";

const route = getRouteApi("/signed-in/pulse/reports/reasons");

/** Seed 001's Current Pulse Reasons report: reason codes behind the current pulses, with drill-down to clients. */
export function PulseReasonsReportPage() {
  const { orgId, timeZone } = usePulseWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIn(timeZone);
  const query = useMemo(() => reportQuery(search), [search]);
  const report = usePulseReasonsReport(orgId, query);
  const facets = useReportFacets(orgId);
  const measure = search.measure ?? "count";
  const chart = search.chart ?? "pie";
  const data = report.data;
  const moneyColumn = moneyColumnOf(measure, facets.data?.primaryMetric ?? "arr");
  // The API ranks reasons by client count; by ARR, MRR or ACV they rank by money.
  const reasons = useMemo(
    () => [...(data?.reasons ?? [])].sort((a, b) => measured(b, measure) - measured(a, measure)),
    [data?.reasons, measure],
  );
  const colors = useMemo(() => reasonColors(reasons), [reasons]);

  const update = (patch: Partial<ReasonsReportSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }) });
  const clearFilters = () =>
    update(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])) as Partial<ReasonsReportSearch>);
  // Clicking the drilled reason again widens the list back out.
  const drill = (reasonCodeId: string | undefined) =>
    update({ reasonCodeId: reasonCodeId === search.reasonCodeId ? undefined : reasonCodeId });

  const selected = data?.reasons.find((r) => r.reasonCodeId === search.reasonCodeId);
  const noClientsAtAll = data?.totals.count === 0 && activeFilterCount(search) === 0;

  return (
    <>
      <PageHeader
        title="Current Pulse Reasons"
        description="Why your clients feel the way they do: the reason codes behind their current pulse. Click a reason to list its clients."
        badge={
          search.asOf ? (
            <Badge size="lg" variant="light" color="grape" leftSection={<IconHistory size={14} aria-hidden />}>
              As of {formatCalendarDate(search.asOf)}
            </Badge>
          ) : null
        }
        actions={<ReportSwitcher current="reasons" search={search} />}
      />
      <Stack gap="lg">
        <ReportFilters
          search={search}
          facets={facets.data}
          today={today}
          onChange={update}
          onClear={clearFilters}
          withLevels
          toggles={
            <>
              <MeasureControl
                value={measure}
                onChange={(next) => update({ measure: next === "count" ? undefined : next })}
              />
              <ChartTypeControl
                value={chart}
                onChange={(next) => update({ chart: next === "pie" ? undefined : next })}
                options={[
                  { value: "pie", label: "Pie", icon: IconChartPie },
                  { value: "treemap", label: "Treemap", icon: IconChartTreemap },
                ]}
              />
            </>
          }
        />
        {report.error ? (
          <ReportError
            error={report.error}
            onRetry={() => report.refetch()}
            onReset={() => void navigate({ search: {} })}
          />
        ) : null}
        {report.isError && !data ? null : noClientsAtAll ? (
          <NoClientsYet />
        ) : (
          <>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Paper withBorder p="lg" component="section" aria-labelledby="reasons-chart-title" h="100%">
                  <Group justify="space-between" mb="xs">
                    <Title order={2} fz="lg" id="reasons-chart-title">
                      Reason codes
                    </Title>
                    {data ? (
                      <Text fz="sm" c="dimmed">
                        {formatAmount(data.totals, measure, data.currency)} in view
                      </Text>
                    ) : null}
                  </Group>
                  {!data ? <Skeleton height={380} radius="md" aria-label="Loading the chart" /> : null}
                  {data && data.reasons.length === 0 ? (
                    <Stack align="center" justify="center" h={380} gap={4}>
                      <Text fw={600}>No reasons in this view</Text>
                      <Text fz="sm" c="dimmed" ta="center" maw={360}>
                        None of these clients' current pulses gives a reason code. Widen the filters or pick another
                        pulse level.
                      </Text>
                    </Stack>
                  ) : null}
                  {data && data.reasons.length > 0 ? (
                    <ReasonsChart
                      reasons={reasons}
                      totals={data.totals}
                      measure={measure}
                      currency={data.currency}
                      chart={chart}
                      selectedId={search.reasonCodeId}
                      onSelect={drill}
                    />
                  ) : null}
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Paper withBorder p="lg" component="section" aria-labelledby="top-reasons-title" h="100%">
                  <Title order={2} fz="lg" id="top-reasons-title" mb={4}>
                    Top reasons
                  </Title>
                  <Text fz="sm" c="dimmed" mb="sm">
                    Share of the clients in view giving each reason.
                  </Text>
                  {data ? (
                    <TopReasons
                      report={data}
                      reasons={reasons}
                      measure={measure}
                      colors={colors}
                      selectedId={search.reasonCodeId}
                      onSelect={drill}
                    />
                  ) : (
                    <Stack gap="sm">
                      {[0, 1, 2, 3, 4].map((i) => (
                        <Skeleton key={i} height={44} radius="sm" />
                      ))}
                    </Stack>
                  )}
                </Paper>
              </Grid.Col>
            </Grid>
            <ClientListSection
              clients={data?.clients}
              total={data?.clientTotal ?? 0}
              page={search.page ?? 1}
              onPage={(page) =>
                void navigate({ search: (previous) => ({ ...previous, page: page > 1 ? page : undefined }) })
              }
              sort={search.sort ?? "level"}
              onSort={(sort) => update({ sort: sort === "level" ? undefined : sort })}
              moneyColumn={moneyColumn}
              asOf={search.asOf ?? null}
              timeZone={timeZone}
              refreshing={report.isPlaceholderData}
              stale={report.isError}
              onWiden={clearFilters}
              chips={
                search.reasonCodeId ? (
                  <ActiveFilterChip
                    label={selected ? `Reason: ${selected.label}` : "Reason not in this view"}
                    color={colors.get(search.reasonCodeId)}
                    clearLabel="Show clients with any reason"
                    onClear={() => drill(undefined)}
                  />
                ) : null
              }
              actions={
                <Group gap="sm">
                  <Select
                    aria-label="Drill into a reason"
                    placeholder="Drill into a reason…"
                    size="sm"
                    w={240}
                    searchable
                    clearable
                    value={search.reasonCodeId ?? null}
                    onChange={(value) => update({ reasonCodeId: value ?? undefined })}
                    data={(data?.reasons ?? []).map((r) => ({
                      value: r.reasonCodeId,
                      label: `${r.label} (${r.count})`,
                    }))}
                    comboboxProps={{ shadow: "md" }}
                  />
                  <ExportCsvButton
                    orgId={orgId}
                    kind="pulse-reasons"
                    query={query}
                    moneyColumn={moneyColumn}
                    fileName={`pulse-reasons${search.asOf ? `-as-of-${search.asOf}` : ""}-${today}.csv`}
                    disabled={!data || data.clientTotal === 0}
                  />
                </Group>
              }
            />
          </>
        )}
      </Stack>
    </>
  );
}
