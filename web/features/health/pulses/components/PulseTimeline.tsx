import { Timeline } from "@mantine/core";
import type { PulseEntry } from "../../../../../src/features/health/pulses/contract";
import { PULSE_LEVEL_COLORS } from "../pulse-level-display";
import { PulseHistoryEntry } from "./PulseHistoryEntry";

type PulseTimelineProps = { entries: PulseEntry[]; timeZone: string; onCorrect: (entry: PulseEntry) => void };

/** Every pulse entry, newest first, as the server keeps them (corrections never erase). */
export function PulseTimeline({ entries, timeZone, onCorrect }: PulseTimelineProps) {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return (
    <Timeline active={entries.length - 1} bulletSize={16} lineWidth={2} aria-label="Pulse history">
      {entries.map((entry) => (
        <Timeline.Item
          key={entry.id}
          color={PULSE_LEVEL_COLORS[entry.level].hex}
          lineVariant={entry.correctedByEntryId ? "dashed" : "solid"}
        >
          <PulseHistoryEntry entry={entry} byId={byId} timeZone={timeZone} onCorrect={onCorrect} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
