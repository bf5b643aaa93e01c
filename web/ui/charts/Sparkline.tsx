import { type ReactNode, useMemo } from "react";
import { CHART_PALETTE } from "./chart-palette";
import { EChart } from "./EChart";

export type SparkPoint = { x: string; y: number | null };

type SparklineProps = {
  points: SparkPoint[];
  /** What the line is, e.g. "SuccessScore over the last 90 days". */
  label: string;
  color?: string;
  height?: number;
  /** Fixed value range (e.g. 0-100 for scores, 1-6 for pulse levels); defaults to the data's range. */
  min?: number;
  max?: number;
  /** Draw as steps (levels that hold until the next change) instead of a straight line. */
  step?: boolean;
  /** Overrides the default hidden summary ("from A to B, lowest L, highest H"). */
  summary?: ReactNode;
};

function describe(points: SparkPoint[]): string {
  const values = points.map((p) => p.y).filter((y): y is number => y !== null);
  const first = values[0];
  const last = values.at(-1);
  if (first === undefined || last === undefined) return "No data.";
  return `From ${first} to ${last}; lowest ${Math.min(...values)}, highest ${Math.max(...values)}.`;
}

/** A tiny axis-less line for trends in tables and cards (no tooltip, no interaction). */
export function Sparkline({
  points,
  label,
  color = CHART_PALETTE[0],
  height = 36,
  min,
  max,
  step,
  summary,
}: SparklineProps) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 2, right: 2, top: 3, bottom: 3 },
      xAxis: { type: "category" as const, show: false, boundaryGap: false, data: points.map((p) => p.x) },
      yAxis: { type: "value" as const, show: false, min, max, scale: min === undefined },
      series: [
        {
          type: "line" as const,
          data: points.map((p) => p.y),
          step: step ? ("end" as const) : undefined,
          showSymbol: false,
          silent: true,
          lineStyle: { width: 2, color },
          areaStyle: { color, opacity: 0.12 },
        },
      ],
    }),
    [points, color, min, max, step],
  );
  return <EChart option={option} label={label} summary={summary ?? describe(points)} height={height} />;
}
