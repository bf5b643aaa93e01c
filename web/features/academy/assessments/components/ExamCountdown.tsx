import { Badge } from "@mantine/core";
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
  const tone = seconds <= 60 ? "red" : seconds <= 300 ? "orange" : "indigo";
  return (
    <Badge
      size="xl"
      variant="light"
      bg={`${tone}.0`}
      c={`${tone}.9`}
      leftSection={<IconHourglass size={16} aria-hidden />}
      role="timer"
      aria-label={`Time left ${formatClock(seconds)}`}
      data-testid="exam-countdown"
    >
      {formatClock(seconds)}
    </Badge>
  );
}
