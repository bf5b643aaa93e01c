import { Group, MultiSelect, Text } from "@mantine/core";
import type { ReasonCode } from "../../../../../src/features/health/pulses/contract";
import type { PulseLevelValue } from "../pulse-level-display";
import { reasonGroups } from "../reason-options";
import { SoftBadge } from "./SoftBadge";

const KIND_BADGE = {
  risk: { label: "Risk", color: "red" },
  success: { label: "Success", color: "teal" },
  both: { label: "Either", color: "gray" },
} as const;

type ReasonCodeSelectProps = {
  codes: ReasonCode[];
  level: PulseLevelValue | null;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Retired codes that may stay selected (a correction keeps the corrected entry's reasons). */
  keep?: string[];
  error?: React.ReactNode;
  loading?: boolean;
};

/** Up to three reason codes, grouped by category, the codes fitting the level first. */
export function ReasonCodeSelect({ codes, level, value, onChange, keep, error, loading }: ReasonCodeSelectProps) {
  const byId = new Map(codes.map((code) => [code.id, code]));
  return (
    <MultiSelect
      label="Reasons"
      description="Up to three; codes that explain this level are listed first"
      placeholder={value.length === 0 ? (loading ? "Loading reason codes…" : "Pick reasons") : undefined}
      data={reasonGroups(codes, level, keep)}
      value={value}
      onChange={onChange}
      maxValues={3}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage="No reason code matches"
      error={error}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const kind = byId.get(option.value)?.kind ?? "both";
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
            <Text fz="sm">{option.label}</Text>
            <SoftBadge size="xs" color={KIND_BADGE[kind].color}>
              {KIND_BADGE[kind].label}
            </SoftBadge>
          </Group>
        );
      }}
    />
  );
}
