import { useMemo } from "react";
import { ChartDataTable } from "../../../../ui/charts/ChartDataTable";
import { AXIS_COLORS } from "../../../../ui/charts/chart-palette";
import { type ChartClickEvent, EChart } from "../../../../ui/charts/EChart";
import type { ChartOption } from "../../../../ui/charts/echarts-core";
import { formatMoney } from "../../clients/money";
import {
  categoriesOf,
  categoryColor,
  LABELLED_REASONS,
  OTHER_COLOR,
  type Reason,
  reasonColors,
  textOn,
  tint,
} from "../reason-colors";
import { formatAmount, formatShare, MEASURE_LABELS, type Measure, measured } from "../report-measure";

type Amount = { count: number; value: number };

type ReasonsChartProps = {
  reasons: Reason[];
  /** Clients in view: the whole each reason's share is of. */
  totals: Amount;
  measure: Measure;
  currency: string;
  chart: "pie" | "treemap";
  selectedId: string | undefined;
  onSelect: (reasonCodeId: string) => void;
};

/** A clicked point names the reason it draws (the "Other reasons" slice and category boxes name none). */
type ReasonDatum = { reasonCodeId?: string };

/** Seed 001: the reason codes of the clients' current pulses, as a pie or a treemap grouped by category. */
export function ReasonsChart({ reasons, totals, measure, currency, chart, selectedId, onSelect }: ReasonsChartProps) {
  const option = useMemo(
    () =>
      chart === "pie"
        ? pieOption(reasons, totals, measure, currency, selectedId)
        : treemapOption(reasons, totals, measure, currency, selectedId),
    [chart, reasons, totals, measure, currency, selectedId],
  );
  const whole = measured(totals, measure);
  const top = reasons
    .slice(0, 5)
    .map((r) => `${r.label} ${formatAmount(r, measure, currency)} (${formatShare(measured(r, measure), whole)})`)
    .join(", ");
  const onClick = (event: ChartClickEvent) => {
    const id = (event.data as ReasonDatum | undefined)?.reasonCodeId;
    if (id) onSelect(id);
  };
  return (
    <EChart
      option={option}
      height={380}
      label={`Reasons behind the current pulses by ${measure === "count" ? "client count" : MEASURE_LABELS[measure]}, ${reasons.length} reasons${top ? `; top: ${top}` : ""}.`}
      summary={
        <ChartDataTable
          caption={`Reason codes of the current pulses (${MEASURE_LABELS[measure]})`}
          columns={[
            "Reason",
            "Category",
            "Clients",
            ...(measure === "count" ? [] : [MEASURE_LABELS[measure]]),
            "Share",
          ]}
          rows={reasons.map((r) => [
            r.label,
            r.category,
            r.count,
            ...(measure === "count" ? [] : [formatMoney(r.value, currency)]),
            formatShare(measured(r, measure), whole),
          ])}
        />
      }
      onClick={onClick}
    />
  );
}

/** Reason labels are the organization's own text: escape them before ECharts renders tooltip HTML. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

type TooltipDatum = ReasonDatum & { count?: number; amount?: number; category?: string };

function tooltip(totals: Amount, measure: Measure, currency: string) {
  const whole = measured(totals, measure);
  return (params: unknown) => {
    const { name, data } = params as { name: string; data?: TooltipDatum };
    const title = `<strong>${escapeHtml(name)}</strong>`;
    if (!data || data.count === undefined) return title;
    const amount = { count: data.count, value: data.amount ?? 0 };
    const lines = [
      title,
      data.category ? escapeHtml(data.category) : "",
      `${amount.count.toLocaleString()} ${amount.count === 1 ? "client" : "clients"}`,
      measure === "count" ? "" : `${MEASURE_LABELS[measure]}: ${formatMoney(amount.value, currency)}`,
      `${formatShare(measured(amount, measure), whole)} of clients in view`,
      data.reasonCodeId ? "<em>Click to list these clients</em>" : "",
    ];
    return lines.filter(Boolean).join("<br/>");
  };
}

const fade = (color: string, selectedId: string | undefined, id: string) =>
  selectedId && selectedId !== id ? tint(color, 0.7) : color;

/** A reason's amount as a short label: "312" or "$1.2M". */
const shortAmount = (value: number, measure: Measure, currency: string) =>
  measure === "count" ? value.toLocaleString() : formatMoney(value, currency, { compact: true });

/**
 * Two rings: categories inside, every reason outside in its category's shades (so the rings line up);
 * only the largest reasons are labelled, the rest speak through the tooltip.
 */
function pieOption(
  reasons: Reason[],
  totals: Amount,
  measure: Measure,
  currency: string,
  selectedId: string | undefined,
): ChartOption {
  const colors = reasonColors(reasons);
  const categories = categoriesOf(reasons);
  const labelled = new Set(reasons.slice(0, LABELLED_REASONS).map((r) => r.reasonCodeId));
  const inner = categories.map((category) => {
    const members = reasons.filter((r) => r.category === category);
    const value = members.reduce((sum, r) => sum + measured(r, measure), 0);
    const color = categoryColor(categories, category);
    return {
      name: category,
      value,
      itemStyle: { color: selectedId ? tint(color, 0.5) : color },
    };
  });
  const outer = categories.flatMap((category) =>
    reasons
      .filter((r) => r.category === category)
      .map((r) => ({
        name: r.label,
        value: measured(r, measure),
        reasonCodeId: r.reasonCodeId,
        category: r.category,
        count: r.count,
        amount: r.value,
        itemStyle: { color: fade(colors.get(r.reasonCodeId) ?? OTHER_COLOR, selectedId, r.reasonCodeId) },
        label: { show: labelled.has(r.reasonCodeId) || r.reasonCodeId === selectedId },
        labelLine: { show: labelled.has(r.reasonCodeId) || r.reasonCodeId === selectedId },
      })),
  );
  return {
    tooltip: { trigger: "item", formatter: tooltip(totals, measure, currency) },
    // The categories' names: the inner ring is too thin to hold them.
    legend: {
      bottom: 0,
      data: categories,
      selectedMode: false,
      icon: "circle",
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: AXIS_COLORS.label, fontSize: 12 },
    },
    series: [
      {
        type: "pie",
        radius: ["20%", "42%"],
        center: ["50%", "46%"],
        itemStyle: { borderColor: "#fff", borderWidth: 2 },
        label: { show: false },
        emphasis: { disabled: true },
        data: inner,
      },
      {
        type: "pie",
        radius: ["46%", "68%"],
        center: ["50%", "46%"],
        itemStyle: { borderColor: "#fff", borderWidth: 1 },
        // Amounts, not the pie's percentages: a client gives up to three reasons, so slices are mentions.
        label: {
          formatter: (p: unknown) => {
            const { name, value } = p as { name: string; value: number };
            return `${name}\n${shortAmount(value, measure, currency)}`;
          },
          color: AXIS_COLORS.label,
          fontSize: 12,
          lineHeight: 16,
          width: 140,
          overflow: "break",
        },
        labelLine: { length: 12, length2: 8 },
        emphasis: { scaleSize: 5, label: { show: true, fontWeight: "bold" }, labelLine: { show: true } },
        data: outer,
      },
    ],
  };
}

function treemapOption(
  reasons: Reason[],
  totals: Amount,
  measure: Measure,
  currency: string,
  selectedId: string | undefined,
): ChartOption {
  const colors = reasonColors(reasons);
  const categories = categoriesOf(reasons);
  const data = categories.map((category) => {
    const members = reasons.filter((r) => r.category === category);
    const color = categoryColor(categories, category);
    return {
      name: category,
      value: members.reduce((sum, r) => sum + measured(r, measure), 0),
      itemStyle: { color, borderColor: color },
      upperLabel: { color: textOn(color) },
      children: members.map((r) => {
        const leaf = fade(colors.get(r.reasonCodeId) ?? color, selectedId, r.reasonCodeId);
        return {
          name: r.label,
          value: measured(r, measure),
          reasonCodeId: r.reasonCodeId,
          category: r.category,
          count: r.count,
          amount: r.value,
          itemStyle: { color: leaf },
          label: { color: textOn(leaf) },
        };
      }),
    };
  });
  return {
    tooltip: { formatter: tooltip(totals, measure, currency) },
    series: [
      {
        type: "treemap",
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        label: {
          show: true,
          formatter: (p: unknown) => {
            const { name, value } = p as { name: string; value: number };
            // Braces and bars would open ECharts rich-text styles.
            return `{name|${name.replace(/[{}|]/g, " ")}}\n{value|${shortAmount(value, measure, currency)}}`;
          },
          rich: {
            name: { fontSize: 12, fontWeight: 600, lineHeight: 16 },
            value: { fontSize: 11, lineHeight: 15 },
          },
          overflow: "truncate",
        },
        upperLabel: { show: true, height: 22, fontWeight: "bold", fontSize: 12, formatter: "{b}" },
        levels: [
          { itemStyle: { borderWidth: 0, gapWidth: 4 }, upperLabel: { show: false } },
          { itemStyle: { borderWidth: 3, gapWidth: 2 }, upperLabel: { show: true } },
          { itemStyle: { borderWidth: 0, gapWidth: 0, borderColor: "#fff" } },
        ],
        data,
      },
    ],
  };
}
