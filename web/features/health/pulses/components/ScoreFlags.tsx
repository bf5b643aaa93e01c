import { Badge, Group, Tooltip } from "@mantine/core";
import type { SuccessScoreView } from "../../../../../src/features/health/pulses/contract";

/** The badges that qualify a score: capped by a risk pulse, flagged for review, or built on a stale pulse. */
export function ScoreFlags({ score }: { score: SuccessScoreView }) {
  const flags = [
    score.capped && {
      label: "Capped",
      color: "red.8",
      hint: "The pulse is High Risk or worse, so the band is held at “at risk” whatever the score.",
    },
    score.needsReview && {
      label: "Needs review",
      color: "violet.7",
      hint: "The CSM's pulse and the computed score disagree strongly: one of them may be out of date.",
    },
    score.pulseStale && {
      label: "Pulse stale",
      color: "gray.7",
      hint: "The pulse is older than the staleness limit; its weight is fading toward neutral.",
    },
  ].filter((flag) => flag !== false);
  if (flags.length === 0) return null;
  return (
    <Group gap={6}>
      {flags.map((flag) => (
        <Tooltip key={flag.label} label={flag.hint} multiline w={260} withArrow>
          <Badge variant="outline" color={flag.color} size="sm" tabIndex={0}>
            {flag.label}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
