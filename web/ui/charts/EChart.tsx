import { Box, VisuallyHidden } from "@mantine/core";
import { useReducedMotion } from "@mantine/hooks";
import { type ReactNode, useCallback, useEffect, useRef } from "react";
import { theme } from "../theme";
import { CHART_PALETTE } from "./chart-palette";
import type { ChartOption, ECElementEvent, EChartsType } from "./echarts-core";

export type ChartClickEvent = ECElementEvent;

type EChartProps = {
  option: ChartOption;
  /** One sentence saying what the chart shows, read by screen readers in place of the drawing. */
  label: string;
  /** The same data as text (a ChartDataTable or a sentence); visually hidden, read by screen readers. */
  summary?: ReactNode;
  height?: number | string;
  /** Called when a series element (bar, slice, point) is clicked, e.g. to drill down. */
  onClick?: (event: ChartClickEvent) => void;
};

/**
 * An ECharts chart drawn as SVG into a div: created once, given each new option (not merged), resized
 * with its container and disposed on unmount. Pass a memoized option so it redraws only on change.
 * Register any new chart type or component in echarts-core.ts first.
 */
export function EChart({ option, label, summary, height = 280, onClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latestOption = useRef<ChartOption | null>(null);
  const core = useRef<typeof import("./echarts-core") | null>(null);
  /** The parts generation the instance was created in (see partsGeneration). */
  const createdIn = useRef(-1);
  const applied = useRef(0);
  const clickHandler = useRef(onClick);
  const reduceMotion = useReducedMotion();

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  /** Sets the newest option once the ECharts parts it uses are loaded (an older one never overwrites it). */
  /** Creates the instance (again, when parts were registered after it was made). */
  const create = useCallback(() => {
    const element = container.current;
    const echarts = core.current;
    if (!element || !echarts) return;
    chart.current?.dispose();
    const instance = echarts.init(element, null, { renderer: "svg" });
    instance.on("click", (event) => clickHandler.current?.(event as ChartClickEvent));
    chart.current = instance;
    createdIn.current = echarts.partsGeneration();
  }, []);

  /** Sets the newest option once the ECharts parts it uses are loaded (an older one never overwrites it). */
  const apply = useCallback(() => {
    const option = latestOption.current;
    const echarts = core.current;
    if (!option || !echarts) return;
    const turn = ++applied.current;
    void echarts.registerParts(option).then(() => {
      if (turn !== applied.current || !chart.current) return;
      if (createdIn.current !== echarts.partsGeneration()) create();
      chart.current?.setOption(option, { notMerge: true });
    });
  }, [create]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    let frame = 0;
    // ECharts loads on first use, in its own chunk, so pages without charts stay light.
    void import("./echarts-core").then((echarts) => {
      if (cancelled) return;
      core.current = echarts;
      create();
      apply();
      observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => chart.current?.resize());
      });
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [create, apply]);

  useEffect(() => {
    const full: ChartOption = {
      color: CHART_PALETTE,
      animation: !reduceMotion,
      textStyle: { fontFamily: theme.fontFamily },
      ...option,
    };
    latestOption.current = full;
    apply();
  }, [option, reduceMotion, apply]);

  return (
    <Box pos="relative">
      <div
        ref={container}
        role="img"
        aria-label={label}
        style={{ width: "100%", height, cursor: onClick ? "pointer" : undefined }}
      />
      {summary ? <VisuallyHidden>{summary}</VisuallyHidden> : null}
    </Box>
  );
}
