import { Text } from "@mantine/core";
import type { PulseReasonsReport } from "../../../../../src/features/health/reports/contract";
import { OTHER_COLOR } from "../reason-colors";
import { formatAmount, formatShare, type Measure, measured } from "../report-measure";
import { BreakdownList } from "./BreakdownList";

type TopReasonsProps = {
  report: PulseReasonsReport;
  /** The report's reasons, largest by the measure first. */
  reasons: PulseReasonsReport["reasons"];
  measure: Measure;
  colors: Map<string, string>;
  selectedId: string | undefined;
  onSelect: (reasonCodeId: string) => void;
};

/** Seed 001's quick-view stats of the top pulse reasons: the five most given, with their share of the clients in view. */
export function TopReasons({ report, reasons, measure, colors, selectedId, onSelect }: TopReasonsProps) {
  const whole = measured(report.totals, measure);
  const top = reasons.slice(0, 5);
  if (top.length === 0) {
    return (
      <Text fz="sm" c="dimmed" py="md">
        No current pulse in this view gives a reason.
      </Text>
    );
  }
  return (
    <>
      <BreakdownList
        label="Top reasons"
        selected={selectedId ? [selectedId] : []}
        onSelect={onSelect}
        items={top.map((r, i) => ({
          key: r.reasonCodeId,
          label: `${i + 1}. ${r.label}`,
          hint: `${r.category} · ${r.kind === "both" ? "risk or success" : r.kind}`,
          color: colors.get(r.reasonCodeId) ?? OTHER_COLOR,
          amount: formatAmount(r, measure, report.currency, { compact: true }),
          share: formatShare(measured(r, measure), whole),
          percent: whole > 0 ? (measured(r, measure) / whole) * 100 : 0,
        }))}
      />
      {report.withoutReason.count > 0 ? (
        <Text fz="xs" c="dimmed" mt="sm">
          {formatAmount(report.withoutReason, "count", report.currency)} in view (
          {formatShare(report.withoutReason.count, report.totals.count)}) have a pulse without a reason, or none yet. A
          client can give up to three reasons.
        </Text>
      ) : null}
    </>
  );
}
