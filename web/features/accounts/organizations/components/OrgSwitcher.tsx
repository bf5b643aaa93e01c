import { Button, Group, Menu, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBuildings, IconCheck, IconChevronDown, IconPlus } from "@tabler/icons-react";
import type { MeResponse } from "../../../../../src/features/accounts/identity/contract";
import { activeMembership } from "../active-membership";
import { useSetActiveOrganization } from "../queries";
import { CreateOrganizationModal } from "./CreateOrganizationModal";
import { RoleBadge } from "./RoleBadge";

/** Header menu listing the person's organizations; picking one makes it active. */
export function OrgSwitcher({ me }: { me: MeResponse }) {
  const [creating, { open, close }] = useDisclosure(false);
  const switchTo = useSetActiveOrganization();
  const active = activeMembership(me);

  return (
    <>
      <Menu position="bottom-end" width={280} shadow="md" withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBuildings size={18} aria-hidden />}
            rightSection={<IconChevronDown size={16} aria-hidden />}
            loading={switchTo.isPending}
            maw={{ base: 170, sm: 260 }}
          >
            <Text span fz="sm" fw={600} truncate>
              {active ? active.name : "No organization"}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Organizations</Menu.Label>
          {me.organizations.length === 0 ? <Menu.Item disabled>You are not in an organization yet</Menu.Item> : null}
          {me.organizations.map((organization) => (
            <Menu.Item
              key={organization.id}
              leftSection={
                organization.id === me.activeOrganizationId ? (
                  <IconCheck size={16} aria-label="Active" />
                ) : (
                  <span style={{ width: 16, display: "inline-block" }} />
                )
              }
              rightSection={<RoleBadge role={organization.role} />}
              onClick={() => {
                if (organization.id === me.activeOrganizationId) return;
                switchTo.mutate(organization.id, {
                  onSuccess: () => notifications.show({ color: "teal", message: `Switched to ${organization.name}` }),
                });
              }}
            >
              <Group gap={4} wrap="nowrap">
                <Text fz="sm" truncate>
                  {organization.name}
                </Text>
              </Group>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            Create organization
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateOrganizationModal opened={creating} onClose={close} />
    </>
  );
}
