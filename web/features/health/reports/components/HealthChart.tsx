import { useMemo } from "react";
import type { PulseHealthReport } from "../../../../../src/features/health/reports/contract";
import { ChartDataTable } from "../../../../ui/charts/ChartDataTable";
import { AXIS_COLORS } from "../../../../ui/charts/chart-palette";
import { type ChartClickEvent, EChart } from "../../../../ui/charts/EChart";
import type { ChartOption } from "../../../../ui/charts/echarts-core";
import { formatMoney } from "../../clients/money";
import { PULSE_LEVEL_COLORS } from "../../pulses/pulse-level-display";
import { formatAmount, formatShare, MEASURE_LABELS, type Measure, measured } from "../report-measure";

export type Slice = PulseHealthReport["slices"][number];
export type SliceLevel = Slice["level"];

export const NO_PULSE_COLOR = "#adb5bd";
export const sliceColor = (level: SliceLevel): string =>
  level === "none" ? NO_PULSE_COLOR : PULSE_LEVEL_COLORS[level].hex;

type HealthChartProps = {
  slices: Slice[];
  measure: Measure;
  currency: string;
  chart: "pie" | "bar";
  /** Levels the client list is narrowed to; the others are drawn faded. */
  selected: readonly string[];
  onSelect: (level: SliceLevel) => void;
};

/** Seed 001: the six pulse levels (and "No pulse yet") as a pie or bar chart; a click narrows the client list. */
export function HealthChart({ slices, measure, currency, chart, selected, onSelect }: HealthChartProps) {
  const total = slices.reduce((sum, s) => sum + measured(s, measure), 0);
  const option = useMemo(
    () => (chart === "pie" ? pieOption : barOption)(slices, measure, currency, selected),
    [chart, slices, measure, currency, selected],
  );
  const summary = slices
    .map((s) => `${s.label} ${formatAmount(s, measure, currency)} (${formatShare(measured(s, measure), total)})`)
    .join(", ");
  const onClick = (event: ChartClickEvent) => {
    const slice = event.componentType === "series" ? shown(slices, chart)[event.dataIndex] : undefined;
    if (slice) onSelect(slice.level);
  };
  return (
    <EChart
      option={option}
      height={320}
      label={`Pulse health by ${measure === "count" ? "client count" : MEASURE_LABELS[measure]}: ${summary}.`}
      summary={
        <ChartDataTable
          caption={`Clients by pulse level (${MEASURE_LABELS[measure]})`}
          columns={["Pulse level", "Clients", ...(measure === "count" ? [] : [MEASURE_LABELS[measure]]), "Share"]}
          rows={slices.map((s) => [
            s.label,
            s.count,
            ...(measure === "count" ? [] : [formatMoney(s.value, currency)]),
            formatShare(measured(s, measure), total),
          ])}
        />
      }
      onClick={onClick}
    />
  );
}

/** A pie leaves out empty levels (they would only crowd the labels); a bar chart keeps all seven. */
const shown = (slices: Slice[], chart: "pie" | "bar") => (chart === "pie" ? slices.filter((s) => s.count > 0) : slices);

const faded = (level: SliceLevel, selected: readonly string[]) => selected.length > 0 && !selected.includes(level);

const axisAmount = (value: number, measure: Measure, currency: string) =>
  measure === "count" ? value.toLocaleString() : formatMoney(value, currency, { compact: true });

function tooltip(slices: Slice[], chart: "pie" | "bar", measure: Measure, currency: string) {
  const total = slices.reduce((sum, s) => sum + measured(s, measure), 0);
  return (params: unknown) => {
    const index = (params as { dataIndex: number }).dataIndex;
    const slice = shown(slices, chart)[index];
    if (!slice) return "";
    const money = measure === "count" ? "" : `<br/>${MEASURE_LABELS[measure]}: ${formatMoney(slice.value, currency)}`;
    const share = formatShare(measured(slice, measure), total);
    return `<strong>${slice.label}</strong><br/>${slice.count.toLocaleString()} ${slice.count === 1 ? "client" : "clients"}${money}<br/>${share} of the total<br/><em>Click to list these clients</em>`;
  };
}

function pieOption(slices: Slice[], measure: Measure, currency: string, selected: readonly string[]): ChartOption {
  const total = slices.reduce((sum, s) => sum + measured(s, measure), 0);
  const data = shown(slices, "pie").map((s) => ({
    name: s.label,
    value: measured(s, measure),
    itemStyle: { color: sliceColor(s.level), opacity: faded(s.level, selected) ? 0.3 : 1 },
  }));
  return {
    tooltip: { trigger: "item", formatter: tooltip(slices, "pie", measure, currency) },
    series: [
      {
        type: "pie",
        radius: ["46%", "74%"],
        center: ["50%", "52%"],
        avoidLabelOverlap: true,
        padAngle: 1,
        itemStyle: { borderRadius: 4, borderColor: "#fff", borderWidth: 2 },
        label: {
          formatter: (p: unknown) => {
            const { name, value } = p as { name: string; value: number };
            return `${name}\n${formatShare(value, total)}`;
          },
          color: AXIS_COLORS.label,
          fontSize: 12,
          lineHeight: 16,
        },
        labelLine: { length: 10, length2: 8 },
        emphasis: { scaleSize: 6, label: { fontWeight: "bold" } },
        data,
      },
    ],
  };
}

function barOption(slices: Slice[], measure: Measure, currency: string, selected: readonly string[]): ChartOption {
  return {
    tooltip: { trigger: "item", formatter: tooltip(slices, "bar", measure, currency) },
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: slices.map((s) => s.label.replace(" ", "\n")),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS_COLORS.line } },
      axisLabel: { color: AXIS_COLORS.label, fontSize: 11, interval: 0, lineHeight: 14 },
    },
    yAxis: {
      type: "value",
      axisLabel: { color: AXIS_COLORS.label, formatter: (v: number) => axisAmount(v, measure, currency) },
      splitLine: { lineStyle: { color: AXIS_COLORS.split } },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 56,
        itemStyle: { borderRadius: [4, 4, 0, 0] },
        label: {
          show: true,
          position: "top",
          color: AXIS_COLORS.label,
          fontSize: 11,
          formatter: (p: unknown) => axisAmount((p as { value: number }).value, measure, currency),
        },
        data: slices.map((s) => ({
          value: measured(s, measure),
          itemStyle: { color: sliceColor(s.level), opacity: faded(s.level, selected) ? 0.3 : 1 },
        })),
      },
    ],
  };
}
