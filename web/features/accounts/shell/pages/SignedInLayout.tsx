import { AppShell, Burger, Container, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Navigate, Outlet } from "@tanstack/react-router";
import { BrandMark } from "../../../../ui/BrandMark";
import { TextLink } from "../../../../ui/RouterLink";
import { MAIN_CONTENT_ID, SkipLink } from "../../../../ui/SkipLink";
import { NotificationBell } from "../../../health/alerts/components/NotificationBell";
import { useMe } from "../../identity/queries";
import { OrgSwitcher } from "../../organizations/components/OrgSwitcher";
import { MainNav } from "../components/MainNav";
import { UserMenu } from "../components/UserMenu";

/** The signed-in frame: header with organization switcher and user menu, navigation, page. */
export function SignedInLayout() {
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  if (!me) return <Navigate to="/login" />;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <TextLink to="/academy" underline="never" aria-label="Pulse home">
              <BrandMark compactBelow="sm" />
            </TextLink>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell me={me} />
            <OrgSwitcher me={me} />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label="Main navigation">
        <MainNav me={me} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: "none" }}>
        <Container size="lg" px={0} py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
