import { Box, Button, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconAlertTriangle, IconBellRinging, IconClockExclamation } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import type { Notification, NotificationKind } from "../../../../../src/features/health/alerts/contract";
import { formatDateTime } from "../../../../ui/format-date";
import { useMarkRead } from "../queries";

const KIND_ICONS: Record<NotificationKind, typeof IconAlertTriangle> = {
  risk_alert: IconAlertTriangle,
  alert_escalated: IconBellRinging,
  pulse_reminder: IconClockExclamation,
};

const KIND_COLORS: Record<NotificationKind, string> = {
  risk_alert: "var(--mantine-color-orange-8)",
  alert_escalated: "var(--mantine-color-red-8)",
  pulse_reminder: "var(--mantine-color-indigo-7)",
};

type InboxListProps = {
  orgId: string;
  notifications: Notification[];
  timeZone: string;
  /** One line of body per item (the header popover). */
  compact?: boolean;
  /** Called after an item was opened (e.g. to close the popover). */
  onOpen?: () => void;
};

/** Inbox items, newest first: opening one marks it read and follows its link. */
export function InboxList({ orgId, notifications, timeZone, compact = false, onOpen }: InboxListProps) {
  const markRead = useMarkRead(orgId);
  const navigate = useNavigate();
  const open = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    onOpen?.();
    if (item.link) void navigate({ href: item.link });
  };

  if (notifications.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg" fz="sm">
        Nothing here yet. Risk alerts, escalations and pulse reminders will appear here.
      </Text>
    );
  }
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {notifications.map((item) => {
        const Icon = KIND_ICONS[item.kind];
        const unread = item.readAt === null;
        return (
          <Box
            component="li"
            key={item.id}
            py="sm"
            px="xs"
            style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
            bg={unread ? "indigo.0" : undefined}
          >
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Icon size={20} color={KIND_COLORS[item.kind]} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <UnstyledButton
                  onClick={() => open(item)}
                  aria-label={`Open: ${item.title}${unread ? " (unread)" : ""}`}
                >
                  <Text fz="sm" fw={unread ? 700 : 500} c="dark.8">
                    {item.title}
                  </Text>
                </UnstyledButton>
                <Text fz="sm" c="dark.5" lineClamp={compact ? 2 : undefined} style={{ whiteSpace: "pre-line" }}>
                  {compact ? item.body.split("\n")[0] : item.body}
                </Text>
                <Group gap="sm">
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(item.createdAt, timeZone)}
                  </Text>
                  {unread && !compact ? (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => markRead.mutate(item.id)}
                      aria-label={`Mark "${item.title}" read`}
                    >
                      Mark read
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Group>
          </Box>
        );
      })}
    </Stack>
  );
}
