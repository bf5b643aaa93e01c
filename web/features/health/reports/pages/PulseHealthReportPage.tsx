import { Badge, Grid, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconChartBar, IconChartPie, IconHistory } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { useMemo } from "react";
import { PageHeader } from "../../../../ui/PageHeader";
import { formatCalendarDate, todayIn } from "../../clients/calendar-date";
import { usePulseWorkspace } from "../../overview/use-pulse-workspace";
import { ActiveFilterChip } from "../components/ActiveFilterChip";
import { BreakdownList } from "../components/BreakdownList";
import { ClientListSection } from "../components/ClientListSection";
import { ExportCsvButton } from "../components/ExportCsvButton";
import { HealthChart, type SliceLevel, sliceColor } from "../components/HealthChart";
import { HealthStats } from "../components/HealthStats";
import { NoClientsYet } from "../components/NoClientsYet";
import { ReportError } from "../components/ReportError";
import { ReportFilters } from "../components/ReportFilters";
import { ReportSwitcher } from "../components/ReportSwitcher";
import { ChartTypeControl, MeasureControl } from "../components/ReportToggles";
import { usePulseHealthReport, useReportFacets } from "../queries";
import { formatAmount, formatShare, measured, moneyColumnOf } from "../report-measure";
import { activeFilterCount, FILTER_KEYS, type HealthReportSearch, reportQuery, splitList } from "../report-search";

const route = getRouteApi("/signed-in/pulse/reports/health");

/** Seed 001's Current Pulse Health report. Every filter, the measure, chart, slice, sort and page live in the URL. */
export function PulseHealthReportPage() {
  const { orgId, timeZone } = usePulseWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIn(timeZone);
  const query = useMemo(() => reportQuery(search), [search]);
  const report = usePulseHealthReport(orgId, query);
  const facets = useReportFacets(orgId);
  const levels = useMemo(() => splitList(search.levels), [search.levels]);
  const measure = search.measure ?? "count";
  const chart = search.chart ?? "pie";
  const data = report.data;
  const moneyColumn = moneyColumnOf(measure, facets.data?.primaryMetric ?? "arr");

  /** A new view starts at the first page. */
  const update = (patch: Partial<HealthReportSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }) });
  const clearFilters = () =>
    update(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])) as Partial<HealthReportSearch>);
  // Clicking the selected slice again shows every level.
  const selectLevel = (level: SliceLevel) =>
    update({ levels: levels.length === 1 && levels[0] === level ? undefined : level });

  const total = data ? data.slices.reduce((sum, s) => sum + measured(s, measure), 0) : 0;
  const selectedSlices = data?.slices.filter((s) => levels.includes(s.level)) ?? [];
  const noClientsAtAll = data?.totals.count === 0 && activeFilterCount(search) === 0;

  return (
    <>
      <PageHeader
        title="Current Pulse Health"
        description="How healthy your clients are, by count or by money. Click a slice to list its clients."
        badge={
          search.asOf ? (
            <Badge size="lg" variant="light" color="grape" leftSection={<IconHistory size={14} aria-hidden />}>
              As of {formatCalendarDate(search.asOf)}
            </Badge>
          ) : null
        }
        actions={<ReportSwitcher current="health" search={search} />}
      />
      <Stack gap="lg">
        <ReportFilters
          search={search}
          facets={facets.data}
          today={today}
          onChange={update}
          onClear={clearFilters}
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
                  { value: "bar", label: "Bar", icon: IconChartBar },
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
            <HealthStats report={data} measure={measure} />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Paper withBorder p="lg" component="section" aria-labelledby="health-chart-title" h="100%">
                  <Group justify="space-between" mb="xs">
                    <Title order={2} fz="lg" id="health-chart-title">
                      Pulse breakdown
                    </Title>
                    {data ? (
                      <Text fz="sm" c="dimmed">
                        {formatAmount(data.totals, measure, data.currency)} in total
                      </Text>
                    ) : null}
                  </Group>
                  {data ? (
                    <HealthChart
                      slices={data.slices}
                      measure={measure}
                      currency={data.currency}
                      chart={chart}
                      selected={levels}
                      onSelect={selectLevel}
                    />
                  ) : (
                    <Skeleton height={320} radius="md" aria-label="Loading the chart" />
                  )}
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Paper withBorder p="lg" component="section" aria-labelledby="health-levels-title" h="100%">
                  <Title order={2} fz="lg" id="health-levels-title" mb={4}>
                    By pulse level
                  </Title>
                  <Text fz="sm" c="dimmed" mb="sm">
                    Pick a level to list its clients.
                  </Text>
                  {data ? (
                    <BreakdownList
                      label="Pulse levels"
                      selected={levels}
                      onSelect={(key) => selectLevel(key as SliceLevel)}
                      items={data.slices.map((s) => ({
                        key: s.level,
                        label: s.label,
                        color: sliceColor(s.level),
                        amount: formatAmount(s, measure, data.currency, { compact: true }),
                        share: formatShare(measured(s, measure), total),
                        percent: total > 0 ? (measured(s, measure) / total) * 100 : 0,
                      }))}
                    />
                  ) : (
                    <Stack gap="sm">
                      {[0, 1, 2, 3, 4, 5, 6].map((i) => (
                        <Skeleton key={i} height={30} radius="sm" />
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
              chips={selectedSlices.map((s) => (
                <ActiveFilterChip
                  key={s.level}
                  label={s.label}
                  color={sliceColor(s.level)}
                  clearLabel={`Show every pulse level, not only ${s.label}`}
                  onClear={() => update({ levels: levels.filter((l) => l !== s.level).join(",") || undefined })}
                />
              ))}
              actions={
                <ExportCsvButton
                  orgId={orgId}
                  kind="pulse-health"
                  query={query}
                  moneyColumn={moneyColumn}
                  fileName={`pulse-health${search.asOf ? `-as-of-${search.asOf}` : ""}-${today}.csv`}
                  disabled={!data || data.clientTotal === 0}
                />
              }
            />
          </>
        )}
      </Stack>
    </>
  );
}
