import { useMemo } from "react";
import { ChartDataTable } from "../../../../ui/charts/ChartDataTable";
import { AXIS_COLORS } from "../../../../ui/charts/chart-palette";
import { type ChartClickEvent, EChart } from "../../../../ui/charts/EChart";
import type { ChartOption } from "../../../../ui/charts/echarts-core";
import { formatMoney } from "../../clients/money";
import {
  categoriesOf,
  categoryColor,
  OTHER_COLOR,
  PIE_REASONS,
  type Reason,
  reasonColors,
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
      height={360}
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

function pieOption(
  reasons: Reason[],
  totals: Amount,
  measure: Measure,
  currency: string,
  selectedId: string | undefined,
): ChartOption {
  const colors = reasonColors(reasons, "pie");
  const named = reasons.slice(0, PIE_REASONS);
  const rest = reasons.slice(PIE_REASONS);
  const other = rest.reduce((sum, r) => ({ count: sum.count + r.count, value: sum.value + r.value }), {
    count: 0,
    value: 0,
  });
  const data = [
    ...named.map((r) => ({
      name: r.label,
      value: measured(r, measure),
      reasonCodeId: r.reasonCodeId,
      category: r.category,
      count: r.count,
      amount: r.value,
      itemStyle: { color: fade(colors.get(r.reasonCodeId) ?? OTHER_COLOR, selectedId, r.reasonCodeId) },
    })),
    ...(rest.length > 0
      ? [
          {
            name: `Other reasons (${rest.length})`,
            value: measured(other, measure),
            count: other.count,
            amount: other.value,
            itemStyle: { color: selectedId ? tint(OTHER_COLOR, 0.6) : OTHER_COLOR },
          },
        ]
      : []),
  ];
  return {
    tooltip: { trigger: "item", formatter: tooltip(totals, measure, currency) },
    series: [
      {
        type: "pie",
        radius: ["42%", "70%"],
        center: ["50%", "52%"],
        padAngle: 1,
        itemStyle: { borderRadius: 4, borderColor: "#fff", borderWidth: 2 },
        label: {
          formatter: "{b}\n{d}%",
          color: AXIS_COLORS.label,
          fontSize: 12,
          lineHeight: 16,
          width: 150,
          overflow: "break",
        },
        labelLine: { length: 10, length2: 8 },
        emphasis: { scaleSize: 6, label: { fontWeight: "bold" } },
        data,
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
  const colors = reasonColors(reasons, "treemap");
  const categories = categoriesOf(reasons);
  const short = (v: number) => (measure === "count" ? v.toLocaleString() : formatMoney(v, currency, { compact: true }));
  const data = categories.map((category) => {
    const members = reasons.filter((r) => r.category === category);
    const color = categoryColor(categories, category);
    return {
      name: category,
      value: members.reduce((sum, r) => sum + measured(r, measure), 0),
      itemStyle: { color, borderColor: color },
      children: members.map((r) => ({
        name: r.label,
        value: measured(r, measure),
        reasonCodeId: r.reasonCodeId,
        category: r.category,
        count: r.count,
        amount: r.value,
        itemStyle: { color: fade(colors.get(r.reasonCodeId) ?? color, selectedId, r.reasonCodeId) },
      })),
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
            return `{name|${name.replace(/[{}|]/g, " ")}}\n{value|${short(value)}}`;
          },
          rich: {
            name: { fontSize: 12, fontWeight: 600, color: "#fff", lineHeight: 16 },
            value: { fontSize: 11, color: "#fff", lineHeight: 15 },
          },
          overflow: "truncate",
        },
        upperLabel: { show: true, height: 24, color: "#fff", fontWeight: "bold", fontSize: 12 },
        levels: [
          { itemStyle: { borderWidth: 0, gapWidth: 4 } },
          { itemStyle: { borderWidth: 3, gapWidth: 2 }, upperLabel: { show: true } },
          { itemStyle: { borderWidth: 0, gapWidth: 0, borderColor: "#fff" } },
        ],
        data,
      },
    ],
  };
}
