import { useMemo } from "react";
import type { PulseEntry } from "../../../../../src/features/health/pulses/contract";
import { ChartDataTable } from "../../../../ui/charts/ChartDataTable";
import { AXIS_COLORS } from "../../../../ui/charts/chart-palette";
import { EChart } from "../../../../ui/charts/EChart";
import type { ChartOption } from "../../../../ui/charts/echarts-core";
import { formatDate, formatDateTime } from "../../../../ui/format-date";
import { escapeHtml, journeyPoints } from "../journey-points";
import { PULSE_LEVEL_COLORS, PULSE_LEVEL_LABELS, PULSE_LEVELS, rankOf } from "../pulse-level-display";

type HealthJourneyChartProps = { entries: PulseEntry[]; timeZone: string; now?: Date };

const DAY = 86_400_000;
const LABELS = PULSE_LEVELS.map((level) => PULSE_LEVEL_LABELS[level]);
/** "Mar 2026" over long spans, "12 Mar" over short ones, in the reader's time zone. */
function axisDateFormat(span: number, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions =
    span > 150 * DAY ? { month: "short", year: "numeric" } : { month: "short", day: "numeric" };
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

const inkOfIndex = (index: number) => PULSE_LEVEL_COLORS[PULSE_LEVELS[index] ?? "satisfied"].ink;

/** The client's "health journey": a step line of the pulse level over time, each level in its color. */
export function HealthJourneyChart({ entries, timeZone, now }: HealthJourneyChartProps) {
  const points = useMemo(() => journeyPoints(entries), [entries]);
  const option = useMemo((): ChartOption => {
    const end = (now ?? new Date()).getTime();
    const start = Math.min(points[0] ? Date.parse(points[0].at) : end, end - 30 * DAY);
    const axisDate = axisDateFormat(end - start, timeZone);
    const data = points.map(({ at, entry }) => ({
      value: [Date.parse(at), rankOf(entry.level) - 1],
      entry,
      itemStyle: { color: PULSE_LEVEL_COLORS[entry.level].hex },
    }));
    const last = points.at(-1);
    // Hold the latest level until today, so the line reads as "still here".
    const tail = last ? [{ value: [end, rankOf(last.entry.level) - 1], symbol: "none" }] : [];
    return {
      grid: { left: 136, right: 24, top: 16, bottom: 32 },
      tooltip: {
        trigger: "item",
        formatter: (params) => {
          const item = (Array.isArray(params) ? params[0] : params)?.data as { entry?: PulseEntry } | undefined;
          if (!item?.entry) return "";
          const { entry } = item;
          const note = entry.note
            ? `<br/>${escapeHtml(entry.note.slice(0, 140))}${entry.note.length > 140 ? "…" : ""}`
            : "";
          return `<b>${PULSE_LEVEL_LABELS[entry.level]}</b><br/>${escapeHtml(formatDateTime(entry.effectiveAt, timeZone))}${note}`;
        },
      },
      xAxis: {
        type: "time",
        // At least a month wide, so a first pulse set today does not stretch over seconds.
        min: start,
        max: end,
        axisLine: { lineStyle: { color: AXIS_COLORS.line } },
        axisLabel: {
          color: AXIS_COLORS.label,
          hideOverlap: true,
          formatter: (value: number) => axisDate.format(value),
        },
      },
      // A value axis (0-5), not a category axis: ECharts steps along the category axis, which must be time here.
      yAxis: {
        type: "value",
        min: 0,
        max: LABELS.length - 1,
        interval: 1,
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: true, lineStyle: { color: AXIS_COLORS.split } },
        axisLabel: {
          fontWeight: 600,
          formatter: (value: number) => LABELS[value] ?? "",
          color: (value?: string | number) => inkOfIndex(Number(value)),
        },
      },
      series: [
        {
          type: "line",
          step: "end",
          data: [...data, ...tail],
          symbol: "circle",
          symbolSize: 12,
          showAllSymbol: true,
          // The dots carry each level's color; the line between them stays neutral.
          lineStyle: { width: 2, color: AXIS_COLORS.label },
          itemStyle: { borderColor: "#fff", borderWidth: 2 },
        },
      ],
    };
  }, [points, timeZone, now]);

  const summary = (
    <ChartDataTable
      caption="Pulse level at each change, oldest first"
      columns={["Took effect", "Level", "Note"]}
      rows={points.map(({ at, entry }) => [formatDate(at, timeZone), PULSE_LEVEL_LABELS[entry.level], entry.note])}
    />
  );
  const first = points[0];
  const last = points.at(-1);
  const label =
    first && last
      ? `Health journey: ${points.length} pulse ${points.length === 1 ? "level" : "levels"} from ${formatDate(first.at, timeZone)}, now ${PULSE_LEVEL_LABELS[last.entry.level]}.`
      : "Health journey: no pulse yet.";
  return <EChart option={option} label={label} summary={summary} height={260} />;
}
