import { Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { RENEWAL_QUARTERS, type SegmentResult } from "../../../../../src/features/health/segments/contract";
import { formatDate } from "../../../../ui/format-date";
import { QUARTER_LABELS } from "../segment-labels";
import { type FilterPartProps, numberOrUndefined } from "./filter-props";

type Mode = "any" | "quarter" | "within" | "dates";
const CLEARED = {
  renewalQuarter: undefined,
  renewalWithinDays: undefined,
  renewalFrom: undefined,
  renewalTo: undefined,
};

function modeOf(filter: FilterPartProps["filter"]): Mode {
  if (filter.renewalQuarter) return "quarter";
  if (filter.renewalWithinDays !== undefined) return "within";
  if (filter.renewalFrom || filter.renewalTo) return "dates";
  return "any";
}

/** "Renewing in Q1", "within 60 days" or between two dates; shows the dates a relative choice means today. */
export function RenewalFilter({
  filter,
  onChange,
  resolved,
}: FilterPartProps & { resolved?: SegmentResult["resolved"] }) {
  const mode = modeOf(filter);
  const choose = (next: string) => {
    if (next === "quarter") onChange({ ...CLEARED, renewalQuarter: "next_quarter" });
    else if (next === "within") onChange({ ...CLEARED, renewalWithinDays: 90 });
    else if (next === "dates") onChange({ ...CLEARED, renewalFrom: new Date().toISOString().slice(0, 10) });
    else onChange(CLEARED);
  };
  const last = resolved?.renewalToExclusive
    ? new Date(Date.parse(`${resolved.renewalToExclusive}T00:00:00Z`) - 86_400_000).toISOString()
    : null;
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={500} id="renewal-label">
        Next renewal
      </Text>
      <SegmentedControl
        aria-labelledby="renewal-label"
        value={mode}
        onChange={choose}
        data={[
          { value: "any", label: "Any" },
          { value: "quarter", label: "Quarter" },
          { value: "within", label: "Within" },
          { value: "dates", label: "Dates" },
        ]}
        fullWidth
      />
      {mode === "quarter" && (
        <Select
          label="Quarter"
          description="Fiscal quarters of your organization"
          data={RENEWAL_QUARTERS.map((q) => ({ value: q, label: QUARTER_LABELS[q] }))}
          value={filter.renewalQuarter ?? null}
          onChange={(v) => onChange({ renewalQuarter: (v ?? undefined) as (typeof RENEWAL_QUARTERS)[number] })}
          allowDeselect={false}
        />
      )}
      {mode === "within" && (
        <NumberInput
          label="Renewing within"
          min={0}
          max={3650}
          allowDecimal={false}
          suffix=" days"
          value={filter.renewalWithinDays ?? ""}
          onChange={(v) => onChange({ renewalWithinDays: numberOrUndefined(v) })}
        />
      )}
      {mode === "dates" && (
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="From"
            value={filter.renewalFrom ?? ""}
            onChange={(e) => onChange({ renewalFrom: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label="To"
            value={filter.renewalTo ?? ""}
            onChange={(e) => onChange({ renewalTo: e.currentTarget.value || undefined })}
          />
        </Group>
      )}
      {mode !== "any" && resolved?.renewalFrom && last ? (
        <Text fz="xs" c="dimmed" aria-live="polite">
          Renewing {formatDate(`${resolved.renewalFrom}T00:00:00Z`, "UTC")} – {formatDate(last, "UTC")}
        </Text>
      ) : null}
    </Stack>
  );
}
