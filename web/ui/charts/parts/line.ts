// A part of ECharts loaded on demand (see ../echarts-core.ts).
export { LineChart as part } from "echarts/charts";
