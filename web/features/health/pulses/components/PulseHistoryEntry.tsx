import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import type { PulseEntry } from "../../../../../src/features/health/pulses/contract";
import { formatDateTime } from "../../../../ui/format-date";
import { PULSE_LEVEL_LABELS } from "../pulse-level-display";
import { PulseBadge } from "./PulseBadge";
import { SoftBadge } from "./SoftBadge";

type PulseHistoryEntryProps = {
  entry: PulseEntry;
  /** Entries by id, to say what a correction corrects. */
  byId: Map<string, PulseEntry>;
  timeZone: string;
  onCorrect: (entry: PulseEntry) => void;
};

const MINUTE = 60_000;
const REASON_COLOR = { risk: "red", success: "teal", both: "gray" } as const;

/** One pulse entry: level, when, who, note and reasons; corrections and corrected entries say so. */
export function PulseHistoryEntry({ entry, byId, timeZone, onCorrect }: PulseHistoryEntryProps) {
  const corrected = entry.correctedByEntryId !== null;
  const original = entry.correctsEntryId ? byId.get(entry.correctsEntryId) : undefined;
  const backdated = Math.abs(Date.parse(entry.recordedAt) - Date.parse(entry.effectiveAt)) > 5 * MINUTE;
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <PulseBadge level={entry.level} size="sm" />
        {corrected ? (
          <Badge size="sm" variant="outline" color="gray.7">
            Corrected
          </Badge>
        ) : null}
        {entry.correctsEntryId ? (
          <SoftBadge size="sm" color="indigo">
            Correction
          </SoftBadge>
        ) : null}
        <Text fz="sm" fw={600}>
          {formatDateTime(entry.effectiveAt, timeZone)}
        </Text>
      </Group>
      {original ? (
        <Text fz="xs" c="dimmed">
          Corrects the {PULSE_LEVEL_LABELS[original.level]} entry recorded{" "}
          {formatDateTime(original.recordedAt, timeZone)}
        </Text>
      ) : null}
      {entry.note ? (
        <Text fz="sm" style={{ whiteSpace: "pre-wrap", textDecoration: corrected ? "line-through" : undefined }}>
          {entry.note}
        </Text>
      ) : (
        <Text fz="sm" c="dimmed" fs="italic">
          No note
        </Text>
      )}
      {entry.reasons.length > 0 ? (
        <Group gap={6} aria-label="Reasons">
          {entry.reasons.map((reason) => (
            <SoftBadge key={reason.id} size="sm" color={REASON_COLOR[reason.kind]} tt="none">
              {reason.label}
            </SoftBadge>
          ))}
        </Group>
      ) : null}
      <Group justify="space-between" gap="xs">
        <Text fz="xs" c="dimmed">
          {entry.recordedBy ?? "Someone"}
          {backdated ? ` recorded this ${formatDateTime(entry.recordedAt, timeZone)}` : ""}
          {corrected ? " · replaced by a correction" : ""}
        </Text>
        {corrected ? null : (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconArrowBackUp size={14} aria-hidden />}
            onClick={() => onCorrect(entry)}
            aria-label={`Correct the ${PULSE_LEVEL_LABELS[entry.level]} entry of ${formatDateTime(entry.effectiveAt, timeZone)}`}
          >
            Correct
          </Button>
        )}
      </Group>
    </Stack>
  );
}
