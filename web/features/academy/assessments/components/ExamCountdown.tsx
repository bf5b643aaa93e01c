import { Group, Text } from "@mantine/core";
import { IconHourglass } from "@tabler/icons-react";
import { useEffect } from "react";
import { formatClock } from "../countdown";
import { useNow } from "./use-now";

/** Time left, counted from the server's deadline; calls onExpire once when it reaches zero. */
export function ExamCountdown({ deadlineLocal, onExpire }: { deadlineLocal: number; onExpire: () => void }) {
  const now = useNow(true);
  const seconds = Math.max(0, Math.ceil((deadlineLocal - now) / 1000));
  const expired = seconds === 0;
  useEffect(() => {
    if (expired) onExpire();
  }, [expired, onExpire]);
  // The last five minutes turn red (dark enough for AA contrast on white).
  return (
    <Group gap={6} role="timer" aria-label={`Time left ${formatClock(seconds)}`} wrap="nowrap">
      <IconHourglass size={20} aria-hidden />
      <Text fz="xl" fw={700} c={seconds <= 300 ? "red.9" : undefined} ff="monospace" data-testid="exam-countdown">
        {formatClock(seconds)}
      </Text>
    </Group>
  );
}
