import type { MantineSize } from "@mantine/core";
import type { Client } from "../../../../../src/features/health/clients/contract";
import { formatDate } from "../../../../ui/format-date";
import { asPulseLevel } from "../pulse-level-display";
import { NoPulseBadge, PulseBadge } from "./PulseBadge";

/** A client's current pulse as a colored badge, marked stale when too old, or "Not set". */
export function CurrentPulseBadge({
  pulse,
  timeZone,
  size = "md",
}: {
  pulse: Client["pulse"];
  timeZone: string;
  size?: MantineSize;
}) {
  const level = pulse ? asPulseLevel(pulse.level) : undefined;
  if (!pulse || !level) return <NoPulseBadge size={size} />;
  return (
    <PulseBadge
      level={level}
      stale={pulse.stale}
      staleHint={`Last set ${formatDate(pulse.effectiveAt, timeZone)}: older than the staleness limit`}
      size={size}
    />
  );
}
