/**
 * The one place that says which ECharts parts Pulse draws with, so bundles carry only those.
 * This chunk holds the core, the SVG renderer, label layout, the grid and the tooltip; each series
 * type and the legend is a part of its own (parts/), loaded by `registerParts` when an option uses it,
 * so the health report downloads the pie and the bar but not the treemap or the line.
 * To use a new chart or component: add a part file, list it in PARTS below and add its option to ChartOption.
 */

import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, TreemapSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { GridComponent, TooltipComponent } from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

use([GridComponent, TooltipComponent, LabelLayout, SVGRenderer]);

/** Every option an EChart may be given: only the registered series and components type-check. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | TreemapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

type Part = { part: Parameters<typeof use>[0] };
const PARTS = {
  bar: () => import("./parts/bar"),
  line: () => import("./parts/line"),
  pie: () => import("./parts/pie"),
  treemap: () => import("./parts/treemap"),
  legend: () => import("./parts/legend"),
} satisfies Record<string, () => Promise<Part>>;
type PartName = keyof typeof PARTS;

const loaded = new Map<PartName, Promise<void>>();
let generation = 0;

/**
 * How many parts have been registered so far. An ECharts instance takes the registered data processors and
 * visuals when it is created, so one created before a part was registered cannot draw that part's series:
 * EChart creates its instance again when this number moved since.
 */
export const partsGeneration = (): number => generation;

/** The parts `option` needs: its series types, and the legend when it has one. */
export function partsOf(option: ChartOption): PartName[] {
  const series = option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series];
  const names = new Set<PartName>();
  for (const s of series) {
    if (s?.type && s.type in PARTS) names.add(s.type as PartName);
  }
  if (option.legend) names.add("legend");
  return [...names];
}

/** Loads and registers (once each) the parts `option` needs; resolves when it can be set. */
export function registerParts(option: ChartOption): Promise<void> {
  return Promise.all(
    partsOf(option).map((name) => {
      let done = loaded.get(name);
      if (!done) {
        done = PARTS[name]().then(({ part }) => {
          use(part);
          generation += 1;
        });
        // A chunk that failed to load (offline) is tried again by the next option.
        done.catch(() => loaded.delete(name));
        loaded.set(name, done);
      }
      return done;
    }),
  ).then(() => undefined);
}

export { type ECElementEvent, type EChartsType, init } from "echarts/core";
