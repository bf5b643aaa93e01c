import { Group, MultiSelect, NumberInput } from "@mantine/core";
import type { ReasonCode } from "../../../../../src/features/health/pulses/contract";
import { SEGMENT_LEVELS, USAGE_TRENDS } from "../../../../../src/features/health/segments/contract";
import { LEVEL_LABELS, USAGE_LABELS } from "../segment-labels";
import { type FilterPartProps, listOrUndefined, numberOrUndefined } from "./filter-props";

/** Reason codes grouped by category; retired codes stay choosable, since old pulses carry them. */
function reasonGroups(codes: ReasonCode[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const code of codes) {
    const items = groups.get(code.category) ?? [];
    items.push({ value: code.id, label: code.retired ? `${code.label} (retired)` : code.label });
    groups.set(code.category, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Pulse level, reasons of the current pulse, SuccessScore, pulse age and usage trend. */
export function HealthFilters({ filter, onChange, reasonCodes }: FilterPartProps & { reasonCodes: ReasonCode[] }) {
  return (
    <>
      <MultiSelect
        label="Pulse"
        data={SEGMENT_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
        value={filter.levels ?? []}
        onChange={(v) => onChange({ levels: listOrUndefined(v as (typeof SEGMENT_LEVELS)[number][]) })}
        clearable
      />
      <MultiSelect
        label="Reasons of the current pulse"
        data={reasonGroups(reasonCodes)}
        value={filter.reasonCodeIds ?? []}
        onChange={(v) => onChange({ reasonCodeIds: listOrUndefined(v) })}
        searchable
        clearable
      />
      <NumberInput
        label="Pulse not set in more than"
        description="Days; clients whose pulse was never set count too"
        min={0}
        max={3650}
        allowDecimal={false}
        suffix=" days"
        value={filter.pulseNotSetDays ?? ""}
        onChange={(v) => onChange({ pulseNotSetDays: numberOrUndefined(v) })}
      />
      <Group grow align="flex-start">
        <NumberInput
          label="SuccessScore from"
          min={0}
          max={100}
          allowDecimal={false}
          value={filter.scoreMin ?? ""}
          onChange={(v) => onChange({ scoreMin: numberOrUndefined(v) })}
        />
        <NumberInput
          label="to"
          min={0}
          max={100}
          allowDecimal={false}
          value={filter.scoreMax ?? ""}
          onChange={(v) => onChange({ scoreMax: numberOrUndefined(v) })}
        />
      </Group>
      <MultiSelect
        label="Usage trend"
        description="Last 4 weeks against the 8 before"
        data={USAGE_TRENDS.map((u) => ({ value: u, label: USAGE_LABELS[u] }))}
        value={filter.usageTrends ?? []}
        onChange={(v) => onChange({ usageTrends: listOrUndefined(v as (typeof USAGE_TRENDS)[number][]) })}
        clearable
      />
    </>
  );
}
