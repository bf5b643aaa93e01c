// A part of ECharts loaded on demand (see ../echarts-core.ts).
export { LegendComponent as part } from "echarts/components";
