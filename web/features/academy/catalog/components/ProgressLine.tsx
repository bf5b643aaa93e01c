import { Group, Progress, Text } from "@mantine/core";
import type { Progress as ProgressData } from "../../../../../src/features/academy/catalog/contract";

/** A labelled progress bar: "40% complete" (or "Completed"), readable by screen readers. */
export function ProgressLine({ progress, label }: { progress: ProgressData; label: string }) {
  const done = progress.completedAt !== null;
  const text = done ? "Completed" : progress.percent > 0 ? `${progress.percent}% complete` : "Not started";
  return (
    <Group gap="sm" wrap="nowrap">
      <Progress
        value={done ? 100 : progress.percent}
        color={done ? "teal" : "indigo"}
        size="sm"
        flex={1}
        aria-label={`${label}: ${text}`}
      />
      <Text fz="xs" c="dimmed" miw={90} ta="right">
        {text}
      </Text>
    </Group>
  );
}
