import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBell } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import type { MeResponse } from "../../../../../src/features/accounts/identity/contract";
import { useInbox, useMarkAllRead } from "../queries";
import { InboxList } from "./InboxList";

const SHOWN = 8;

/** The header bell: unread count of the active organization's inbox, the newest items in a popover. */
export function NotificationBell({ me }: { me: MeResponse }) {
  const orgId = me.activeOrganizationId;
  if (!orgId) return null;
  return <Bell orgId={orgId} timeZone={me.user.timeZone} />;
}

function Bell({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const inbox = useInbox(orgId);
  const markAll = useMarkAllRead(orgId);
  const navigate = useNavigate();
  const unread = inbox.data?.unreadCount ?? 0;
  const label = unread > 0 ? `Notifications: ${unread} unread` : "Notifications";

  return (
    <Popover opened={opened} onChange={(o) => (o ? undefined : close())} position="bottom-end" width={400} shadow="md">
      <Indicator label={unread > 99 ? "99+" : unread} size={18} color="red.9" disabled={unread === 0} offset={4}>
        {/* The button itself is the popover's target, so aria-expanded sits on a button (axe). */}
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray.8" size="lg" radius="xl" aria-label={label} onClick={toggle}>
            <IconBell size={22} stroke={1.7} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>Notifications</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          <InboxList
            orgId={orgId}
            notifications={(inbox.data?.notifications ?? []).slice(0, SHOWN)}
            timeZone={timeZone}
            compact
            onOpen={close}
          />
        </ScrollArea.Autosize>
        <Button
          variant="light"
          fullWidth
          mt="sm"
          onClick={() => {
            close();
            void navigate({ href: "/pulse/alerts?tab=inbox" });
          }}
        >
          Open inbox
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
