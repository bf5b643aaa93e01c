// A part of ECharts loaded on demand (see ../echarts-core.ts).
export { TreemapChart as part } from "echarts/charts";
