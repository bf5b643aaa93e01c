import { Stack, Text } from "@mantine/core";
import { daysBetween, formatCalendarDate } from "../calendar-date";

/** A renewal date, with "in 12 days" (or "overdue") when it is within 90 days. */
export function RenewalCell({ date, today }: { date: string | null; today: string }) {
  if (!date)
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  const days = daysBetween(today, date);
  const soon = days <= 90;
  return (
    <Stack gap={0}>
      <Text fz="sm" style={{ whiteSpace: "nowrap" }}>
        {formatCalendarDate(date)}
      </Text>
      {soon ? (
        <Text fz="xs" c={days < 0 ? "red.9" : days <= 30 ? "#a33a0a" : "dimmed"}>
          {days < 0 ? "Overdue" : days === 0 ? "Today" : `In ${days} day${days === 1 ? "" : "s"}`}
        </Text>
      ) : null}
    </Stack>
  );
}
