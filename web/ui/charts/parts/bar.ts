// A part of ECharts loaded on demand (see ../echarts-core.ts).
export { BarChart as part } from "echarts/charts";
