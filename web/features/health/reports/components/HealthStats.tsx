import { Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconAlertTriangle, IconMoodHappy, IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { PulseHealthReport } from "../../../../../src/features/health/reports/contract";
import { formatMoney } from "../../clients/money";
import { MEASURE_LABELS, type Measure } from "../report-measure";

type HealthStatsProps = { report: PulseHealthReport | undefined; measure: Measure };

function StatCard({
  title,
  icon,
  color,
  value,
  detail,
  percent,
}: {
  title: string;
  icon: ReactNode;
  color: string;
  value: string;
  detail: string;
  percent?: number;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color={color} radius="md" size={30} aria-hidden>
            {icon}
          </ThemeIcon>
          <Text fz="sm" fw={600} c="dimmed">
            {title}
          </Text>
        </Group>
        <Text fz={28} fw={700} lh={1.1} style={{ fontVariantNumeric: "tabular-nums" }}>
          {value}
        </Text>
        <Text fz="sm" c="dimmed">
          {detail}
        </Text>
        {percent !== undefined ? (
          <Progress value={percent} color={color} size="sm" aria-label={`${title}: ${percent}%`} />
        ) : null}
      </Stack>
    </Paper>
  );
}

const clients = (n: number) => `${n.toLocaleString()} ${n === 1 ? "client" : "clients"}`;

/** Seed 001's quick-view stats: Satisfied vs Risk counts and percentages (and money when measured by it). */
export function HealthStats({ report, measure }: HealthStatsProps) {
  if (!report) {
    return (
      <SimpleGrid cols={{ base: 1, sm: 3 }} aria-hidden>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={132} radius="lg" />
        ))}
      </SimpleGrid>
    );
  }
  const money = measure !== "count";
  const amount = (a: { count: number; value: number }) =>
    money
      ? `${clients(a.count)} · ${formatMoney(a.value, report.currency)} ${MEASURE_LABELS[measure]}`
      : clients(a.count);
  const none = report.slices.find((s) => s.level === "none");
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <StatCard
        title="Satisfied"
        icon={<IconMoodHappy size={18} />}
        color="green.8"
        value={`${report.satisfied.percent}%`}
        detail={amount(report.satisfied)}
        percent={report.satisfied.percent}
      />
      <StatCard
        title="Risk"
        icon={<IconAlertTriangle size={18} />}
        color="red.8"
        value={`${report.risk.percent}%`}
        detail={amount(report.risk)}
        percent={report.risk.percent}
      />
      <StatCard
        title={money ? `Total ${MEASURE_LABELS[measure]}` : "Clients"}
        icon={<IconUsers size={18} />}
        color="indigo"
        value={
          money
            ? formatMoney(report.totals.value, report.currency, { compact: true })
            : report.totals.count.toLocaleString()
        }
        detail={`${money ? `${clients(report.totals.count)}; ` : ""}${none?.count ?? 0} without a pulse yet`}
      />
    </SimpleGrid>
  );
}
