import { Center, SegmentedControl } from "@mantine/core";
import type { ComponentType } from "react";
import { MEASURE_LABELS, type Measure } from "../report-measure";

const MEASURES: Measure[] = ["count", "arr", "mrr", "acv"];

/** Count / ARR / MRR / ACV: what the chart and the stats add up. */
export function MeasureControl({ value, onChange }: { value: Measure; onChange: (measure: Measure) => void }) {
  return (
    <SegmentedControl
      aria-label="Measure"
      size="sm"
      value={value}
      onChange={(next) => onChange(next as Measure)}
      data={MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))}
    />
  );
}

export type ChartChoice<T extends string> = { value: T; label: string; icon: ComponentType<{ size?: number }> };

/** Switches between chart types (icon and name). */
export function ChartTypeControl<T extends string>({
  value,
  options,
  onChange,
}: {
  value: T;
  options: ChartChoice<T>[];
  onChange: (chart: T) => void;
}) {
  return (
    <SegmentedControl
      aria-label="Chart type"
      size="sm"
      value={value}
      onChange={(next) => onChange(next as T)}
      data={options.map(({ value: v, label, icon: Icon }) => ({
        value: v,
        label: (
          <Center style={{ gap: 6 }}>
            <Icon size={16} />
            <span>{label}</span>
          </Center>
        ),
      }))}
    />
  );
}
