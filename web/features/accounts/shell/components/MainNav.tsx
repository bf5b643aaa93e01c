import { Stack, Text } from "@mantine/core";
import { useLocation } from "@tanstack/react-router";
import type { MeResponse } from "../../../../../src/features/accounts/identity/contract";
import { NavItemLink } from "../../../../ui/NavItemLink";
import { navSectionsFor } from "../nav-items";

export function MainNav({ me, onNavigate }: { me: MeResponse; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const sections = navSectionsFor(me);
  const matches = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  // The most specific item wins: /academy/credentials lights "My credentials", not "Academy" too.
  const current = sections
    .flatMap((s) => s.items.map((i) => i.to as string))
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Stack gap="lg">
      {sections.map((section) => (
        <Stack gap={4} key={section.label}>
          <Text fz={11} fw={700} tt="uppercase" c="dimmed" px="sm" style={{ letterSpacing: "0.06em" }}>
            {section.label}
          </Text>
          {section.items.map((item) => {
            const active = item.to === current;
            const Icon = item.icon;
            return (
              <NavItemLink
                key={item.to}
                to={item.to}
                label={item.label}
                leftSection={<Icon size={20} stroke={1.7} />}
                active={active}
                // The router's own fuzzy "active" marking would light parents too; this component decides.
                activeOptions={{ exact: true, includeSearch: false }}
                activeProps={{ className: undefined }}
                aria-current={active ? "page" : undefined}
                variant="light"
                onClick={onNavigate}
                style={{ borderRadius: "var(--mantine-radius-md)", fontWeight: 500 }}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
