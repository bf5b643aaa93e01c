import { Group } from "@mantine/core";
import { useLocation } from "@tanstack/react-router";
import type { MyOrganization } from "../../../../../src/features/accounts/identity/contract";
import { ButtonLink } from "../../../../ui/RouterLink";
import { sectionsFor } from "../pulse-sections";

/** Links to Pulse's pages (Clients, Segments, Reports, Alerts, Settings), the current one highlighted. */
export function PulseSectionNav({ role }: { role: MyOrganization["role"] }) {
  const { pathname } = useLocation();
  return (
    <Group
      component="nav"
      aria-label="Pulse sections"
      gap={4}
      mb="lg"
      pb={6}
      style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
    >
      {sectionsFor(role).map((section) => {
        const active = pathname === section.to || pathname.startsWith(`${section.to}/`);
        const Icon = section.icon;
        return (
          <ButtonLink
            key={section.to}
            to={section.to}
            variant={active ? "light" : "subtle"}
            color={active ? "indigo" : "gray"}
            c={active ? undefined : "dark.6"}
            size="sm"
            leftSection={<Icon size={16} stroke={1.8} />}
            aria-current={active ? "page" : undefined}
          >
            {section.label}
          </ButtonLink>
        );
      })}
    </Group>
  );
}
