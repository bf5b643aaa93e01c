import { Group, SegmentedControl, Select, TextInput } from "@mantine/core";
import { useMemo } from "react";
import type { CpdTime } from "../../../../../src/features/academy/cpd/dashboard/contract";
import { ChartDataTable } from "../../../../ui/charts/ChartDataTable";
import { AXIS_COLORS, CHART_PALETTE } from "../../../../ui/charts/chart-palette";
import { EChart } from "../../../../ui/charts/EChart";
import type { ChartOption } from "../../../../ui/charts/echarts-core";
import { SectionCard } from "../../../../ui/SectionCard";
import { day, hm, SOURCE_LABELS } from "../format";

export type Period = { kind: "cycle" | "year" | "month" | "custom"; from?: string; to?: string };

const SOURCES = ["library", "live", "workshops", "paths", "external"] as const;

const lastDay = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
};

/** The period a control choice stands for (undefined bounds: the server's default, this cycle). */
export function periodFor(kind: Period["kind"], value: string, today: string): Period {
  if (kind === "year")
    return { kind, from: `${value || today.slice(0, 4)}-01-01`, to: `${value || today.slice(0, 4)}-12-31` };
  if (kind === "month") {
    const month = value || today.slice(0, 7);
    return { kind, from: `${month}-01`, to: lastDay(month) };
  }
  return { kind };
}

type Props = {
  time: CpdTime;
  period: Period;
  today: string;
  onPeriod: (period: Period) => void;
};

/** Seed: CPD time per source (library, live, workshops, paths, external) and the total, by year, month or range. */
export function CpdTimeSection({ time, period, today, onPeriod }: Props) {
  const longest = Math.max(60, ...SOURCES.map((s) => time[s]));
  const step = Math.ceil(longest / 4 / 60) * 60;
  const option = useMemo<ChartOption>(
    () => ({
      color: [CHART_PALETTE[0]],
      animation: false,
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: "value",
        // four steps of whole hours; an empty period still shows a 4-hour scale
        interval: step,
        max: step * 4,
        axisLabel: { color: AXIS_COLORS.label, formatter: (v: number) => `${v / 60}h` },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: SOURCES.map((s) => SOURCE_LABELS[s] as string),
        axisLabel: { color: AXIS_COLORS.label },
      },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => hm(Number(v)) },
      series: [
        {
          type: "bar",
          data: SOURCES.map((s) => time[s]),
          barMaxWidth: 28,
          label: { show: true, position: "right", formatter: (p: { value: unknown }) => hm(Number(p.value)) },
        },
      ],
    }),
    [time, step],
  );
  const years = Array.from({ length: 6 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  return (
    <SectionCard title="CPD Time" description={`${day(time.from)} – ${day(time.to)}: ${hm(time.total)} in total.`}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Period"
          value={period.kind}
          onChange={(kind) => onPeriod(periodFor(kind as Period["kind"], "", today))}
          data={[
            { value: "cycle", label: "This cycle" },
            { value: "year", label: "Year" },
            { value: "month", label: "Month" },
            { value: "custom", label: "Custom" },
          ]}
        />
        {period.kind === "year" ? (
          <Select
            label="Year"
            w={110}
            data={years}
            value={period.from?.slice(0, 4) ?? null}
            onChange={(v) => onPeriod(periodFor("year", v ?? "", today))}
            allowDeselect={false}
          />
        ) : null}
        {period.kind === "month" ? (
          <TextInput
            label="Month"
            type="month"
            w={170}
            value={period.from?.slice(0, 7) ?? ""}
            onChange={(e) => e.currentTarget.value && onPeriod(periodFor("month", e.currentTarget.value, today))}
          />
        ) : null}
        {period.kind === "custom" ? (
          <>
            <TextInput
              label="From"
              type="date"
              w={170}
              value={period.from ?? time.from}
              onChange={(e) => onPeriod({ ...period, from: e.currentTarget.value || undefined })}
            />
            <TextInput
              label="To"
              type="date"
              w={170}
              value={period.to ?? time.to}
              onChange={(e) => onPeriod({ ...period, to: e.currentTarget.value || undefined })}
            />
          </>
        ) : null}
      </Group>
      <EChart
        option={option}
        height={240}
        label={`CPD time per source from ${time.from} to ${time.to}: ${SOURCES.map((s) => `${SOURCE_LABELS[s]} ${hm(time[s])}`).join(", ")}; total ${hm(time.total)}.`}
        summary={
          <ChartDataTable
            caption="CPD time per source"
            columns={["Source", "Time"]}
            rows={[...SOURCES.map((s) => [SOURCE_LABELS[s] as string, hm(time[s])]), ["Total", hm(time.total)]]}
          />
        }
      />
      <Group gap="lg" data-testid="cpd-time-totals">
        {SOURCES.map((s) => (
          <span key={s}>
            {SOURCE_LABELS[s]}: <strong>{hm(time[s])}</strong>
          </span>
        ))}
        <span>
          Total: <strong>{hm(time.total)}</strong>
        </span>
      </Group>
    </SectionCard>
  );
}
