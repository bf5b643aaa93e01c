import { Text } from "@mantine/core";
import type { PulseEntry } from "../../../../../src/features/health/pulses/contract";
import { errorMessage } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { SectionCard } from "../../../../ui/SectionCard";
import { PulseTimeline } from "./PulseTimeline";

type PulseHistoryCardProps = {
  history: { data?: { entries: PulseEntry[] }; isPending: boolean; error: Error | null };
  timeZone: string;
  onCorrect: (entry: PulseEntry) => void;
};

/** The pulse history: every entry with its note and reasons, corrections shown as such. */
export function PulseHistoryCard({ history, timeZone, onCorrect }: PulseHistoryCardProps) {
  const entries = history.data?.entries;
  return (
    <SectionCard
      title="Pulse history"
      description="Newest first. Entries are never edited: a correction is a new entry that says what it corrects."
    >
      {history.isPending ? <LoadingBlock label="Loading pulse history" /> : null}
      <ErrorAlert message={history.error ? errorMessage(history.error) : null} title="Could not load the history" />
      {entries && entries.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No pulse has been set for this client yet.
        </Text>
      ) : null}
      {entries && entries.length > 0 ? (
        <PulseTimeline entries={entries} timeZone={timeZone} onCorrect={onCorrect} />
      ) : null}
    </SectionCard>
  );
}
