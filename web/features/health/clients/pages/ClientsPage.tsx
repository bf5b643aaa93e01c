import { Button, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFileImport, IconPlus } from "@tabler/icons-react";
import { getRouteApi } from "@tanstack/react-router";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink } from "../../../../ui/RouterLink";
import { usePulseWorkspace } from "../../overview/use-pulse-workspace";
import type { ClientListSearch } from "../client-list-search";
import { ClientsListCard } from "../components/ClientsListCard";
import { NewClientDrawer } from "../components/NewClientDrawer";

const route = getRouteApi("/signed-in/pulse/clients");

export function ClientsPage() {
  const workspace = usePulseWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const onSearchChange = (next: Partial<ClientListSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true });

  return (
    <>
      <PageHeader
        title="Clients"
        description="Every client your team looks after, with its money, renewal and current pulse."
        actions={
          <Group gap="sm">
            <ButtonLink
              to="/pulse/clients/import"
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              Import
            </ButtonLink>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              New client
            </Button>
          </Group>
        }
      />
      <ClientsListCard workspace={workspace} search={search} onSearchChange={onSearchChange} onCreate={open} />
      <NewClientDrawer orgId={workspace.orgId} opened={creating} onClose={close} />
    </>
  );
}
