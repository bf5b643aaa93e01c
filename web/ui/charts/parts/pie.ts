// A part of ECharts loaded on demand (see ../echarts-core.ts).
export { PieChart as part } from "echarts/charts";
