import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCalendarPlus, IconClockHour4 } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { formatDateTime } from "../../../../ui/format-date";
import { formatWait, localDeadline } from "../countdown";
import { retakeCalendarUrl } from "../queries";
import { useNow } from "./use-now";

type Props = {
  assessmentId: string;
  opensAt: string;
  serverNow: string;
  receivedAt: number;
  failedAttempts: number;
  timeZone: string;
  onOpen: () => void;
};

/** After a failed attempt: a live countdown to the retake, its exact time in the learner's zone, and an .ics. */
export function RetakeNotice({
  assessmentId,
  opensAt,
  serverNow,
  receivedAt,
  failedAttempts,
  timeZone,
  onOpen,
}: Props) {
  const now = useNow(true);
  const opensLocal = localDeadline(opensAt, serverNow, receivedAt);
  const seconds = Math.ceil((opensLocal - now) / 1000);
  const reopened = seconds <= 0;
  // At the reopening time, ask the server again: it decides, and then offers Start.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  useEffect(() => {
    if (reopened) onOpenRef.current();
  }, [reopened]);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="retake-title"
      style={{ borderLeft: "4px solid var(--mantine-color-orange-6)" }}
    >
      <Group gap="xs" mb="xs">
        <IconClockHour4 size={20} aria-hidden />
        <Title order={2} fz="md" id="retake-title">
          Your retake is not open yet
        </Title>
      </Group>
      <Stack gap="xs">
        <Text fz="sm">
          After {failedAttempts} failed {failedAttempts === 1 ? "attempt" : "attempts"}, the exam's retake rules ask you
          to wait.
        </Text>
        <Text fw={600} role="timer" aria-live="off" data-testid="retake-countdown">
          Opens in {formatWait(Math.max(0, seconds))}
        </Text>
        <Text fz="sm" data-testid="retake-opens-at">
          {formatDateTime(opensAt, timeZone)} ({timeZone})
        </Text>
        <Group>
          <Button
            component="a"
            href={retakeCalendarUrl(assessmentId)}
            download
            variant="light"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
          >
            Add to calendar
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
