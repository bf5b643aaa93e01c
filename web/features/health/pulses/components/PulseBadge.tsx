import { Badge, Group, type MantineSize, Tooltip } from "@mantine/core";
import { IconClockExclamation } from "@tabler/icons-react";
import { PULSE_LEVEL_COLORS, PULSE_LEVEL_LABELS, type PulseLevelValue } from "../pulse-level-display";

type PulseBadgeProps = {
  level: PulseLevelValue;
  /** The pulse is older than the staleness limit: shown, but marked as not current. */
  stale?: boolean;
  /** Shown in the stale marker's tooltip, e.g. "Set 12 Mar 2026". */
  staleHint?: string;
  size?: MantineSize;
};

/** A pulse level in its color (red for Severe Risk to green for Extremely Satisfied), with a "stale" marker. */
export function PulseBadge({ level, stale = false, staleHint, size = "md" }: PulseBadgeProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={PULSE_LEVEL_COLORS[level].hex} c={PULSE_LEVEL_COLORS[level].text} size={size} tt="none" fw={700}>
        {PULSE_LEVEL_LABELS[level]}
      </Badge>
      {stale ? (
        <Tooltip label={staleHint ?? "This pulse is older than the staleness limit"} withArrow>
          <Badge
            variant="outline"
            color="gray.7"
            size={size}
            leftSection={<IconClockExclamation size={12} aria-hidden />}
            tabIndex={0}
          >
            Stale
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

/** The badge for a client without any pulse yet. */
export function NoPulseBadge({ size = "md" }: { size?: MantineSize }) {
  return (
    <Badge variant="outline" color="gray.7" size={size} tt="none" fw={600}>
      Not set
    </Badge>
  );
}
