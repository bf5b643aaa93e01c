/** Series colors that sit well on Mantine's light theme (indigo first, like the app's primary). */
export const CHART_PALETTE = [
  "#4c6ef5", // indigo
  "#12b886", // teal
  "#fd7e14", // orange
  "#7950f2", // violet
  "#15aabf", // cyan
  "#e64980", // pink
  "#82c91e", // lime
  "#fab005", // yellow
  "#868e96", // gray
];

/** Axis and grid-line colors matching Mantine's gray scale. */
export const AXIS_COLORS = { label: "#495057", line: "#ced4da", split: "#e9ecef" };
