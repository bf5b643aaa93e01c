import { Group, List, Text, ThemeIcon } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight } from "@tabler/icons-react";
import type { SuccessScoreView } from "../../../../../src/features/health/pulses/contract";
import { formatCalendarDate } from "../../clients/calendar-date";
import { humanize, signed } from "../score-display";

type ScoreMovementListProps = { score: SuccessScoreView };

/** Why the score moved since the last kept day: each component's change in points, largest first. */
export function ScoreMovementList({ score }: ScoreMovementListProps) {
  const { previous, movement } = score;
  if (!previous || previous.score === null || score.score === null) {
    return (
      <Text fz="sm" c="dimmed">
        No earlier score to compare with yet.
      </Text>
    );
  }
  const change = score.score - previous.score;
  return (
    <>
      <Text fz="sm">
        {change === 0 ? "Unchanged" : `${signed(change)} points`} since {formatCalendarDate(previous.day)} (
        {previous.score}).
      </Text>
      {movement.length > 0 ? (
        <List spacing={4} size="sm" center aria-label="Why the score moved">
          {movement.map((move) => (
            <List.Item
              key={move.key}
              icon={
                <ThemeIcon size={20} radius="xl" variant="light" color={move.change > 0 ? "teal.8" : "red.8"}>
                  {move.change > 0 ? (
                    <IconArrowUpRight size={14} aria-hidden />
                  ) : (
                    <IconArrowDownRight size={14} aria-hidden />
                  )}
                </ThemeIcon>
              }
            >
              <Group gap={6}>
                <Text fz="sm">{humanize(move.label)}</Text>
                <Text fz="sm" fw={700} c={move.change > 0 ? "teal.9" : "red.9"}>
                  {signed(move.change)}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
