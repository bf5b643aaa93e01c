import { EmptyState } from "@mantine/core";
import { IconChartLine } from "@tabler/icons-react";
import type { PulseEntry } from "../../../../../src/features/health/pulses/contract";
import { SectionCard } from "../../../../ui/SectionCard";
import { HealthJourneyChart } from "./HealthJourneyChart";

/** The health journey chart in its card, or a hint when there is no pulse yet. */
export function HealthJourneyCard({ entries, timeZone }: { entries: PulseEntry[] | undefined; timeZone: string }) {
  return (
    <SectionCard title="Health journey" description="The pulse level over time; corrected entries are left out.">
      {entries && entries.length > 0 ? (
        <HealthJourneyChart entries={entries} timeZone={timeZone} />
      ) : (
        <EmptyState
          size="sm"
          icon={<IconChartLine size={24} aria-hidden />}
          title="No journey yet"
          description="Each pulse you set adds a step to this chart."
        />
      )}
    </SectionCard>
  );
}
