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
  const registerParts = useRef<((option: ChartOption) => Promise<void>) | null>(null);
  const applied = useRef(0);
  const clickHandler = useRef(onClick);
  const reduceMotion = useReducedMotion();

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  /** Sets the newest option once the ECharts parts it uses are loaded (an older one never overwrites it). */
  const apply = useCallback(() => {
    const option = latestOption.current;
    if (!option || !registerParts.current) return;
    const turn = ++applied.current;
    void registerParts.current(option).then(() => {
      if (turn === applied.current) chart.current?.setOption(option, { notMerge: true });
    });
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    let instance: EChartsType | undefined;
    let observer: ResizeObserver | undefined;
    let frame = 0;
    // ECharts loads on first use, in its own chunk, so pages without charts stay light.
    void import("./echarts-core").then((core) => {
      if (cancelled) return;
      instance = core.init(element, null, { renderer: "svg" });
      chart.current = instance;
      registerParts.current = core.registerParts;
      instance.on("click", (event) => clickHandler.current?.(event as ChartClickEvent));
      apply();
      const resizing = instance;
      observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => resizing.resize());
      });
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      observer?.disconnect();
      instance?.dispose();
      chart.current = null;
    };
  }, [apply]);

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
