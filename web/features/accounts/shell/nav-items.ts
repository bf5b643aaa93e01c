import {
  IconCertificate,
  IconChartBar,
  IconHeartRateMonitor,
  IconLicense,
  IconListCheck,
  IconMailOpened,
  IconRosette,
  IconRoute,
  IconSchool,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { ComponentType } from "react";
import type { MeResponse } from "../../../../src/features/accounts/identity/contract";
import { roleAtLeast } from "../../../../src/kernel/roles";

export type NavPath =
  | "/academy"
  | "/academy/credentials"
  | "/cpd"
  | "/pulse"
  | "/engagements"
  | "/org"
  | "/organization/licenses"
  | "/admin/billing/licenses"
  | "/admin/outbox"
  | "/admin/question-pools"
  | "/admin/credentials"
  | "/learning-progress"
  | "/admin/academy"
  | "/admin/academy/cpd/audits";
export type NavSection = { label: string; items: NavItem[] };
export type NavItem = {
  label: string;
  to: NavPath;
  icon: ComponentType<{ size?: number; stroke?: number }>;
};

/**
 * What the navigation shows this person: Academy and CPD for everyone; Pulse, Engagements and Team
 * need an active organization (any role), its Licenses an admin or owner; Admin only for platform admins.
 */
export function navSectionsFor(me: MeResponse): NavSection[] {
  const inOrganization = me.activeOrganizationId !== null;
  const activeRole = me.organizations.find((o) => o.id === me.activeOrganizationId)?.role;
  const sections: NavSection[] = [
    {
      label: "Learning",
      items: [
        { label: "Academy", to: "/academy", icon: IconSchool },
        { label: "My credentials", to: "/academy/credentials", icon: IconRosette },
        { label: "CPD", to: "/cpd", icon: IconCertificate },
      ],
    },
  ];
  if (inOrganization) {
    sections.push({
      label: "Customer success",
      items: [
        { label: "Pulse", to: "/pulse", icon: IconHeartRateMonitor },
        { label: "Engagements", to: "/engagements", icon: IconRoute },
      ],
    });
    sections.push({
      label: "Organization",
      items: [
        { label: "Team", to: "/org", icon: IconUsersGroup },
        { label: "Learning progress", to: "/learning-progress", icon: IconChartBar },
        // Team licenses (quotes, invoices, seats): the organization's admins and owners.
        ...(activeRole && roleAtLeast(activeRole, "admin")
          ? [{ label: "Licenses", to: "/organization/licenses" as const, icon: IconLicense }]
          : []),
      ],
    });
  }
  if (me.user.isPlatformAdmin) {
    sections.push({
      label: "Admin",
      items: [
        { label: "Outbox", to: "/admin/outbox", icon: IconMailOpened },
        { label: "Credentials", to: "/admin/credentials", icon: IconRosette },
        { label: "Question pools", to: "/admin/question-pools", icon: IconListCheck },
        { label: "Academy", to: "/admin/academy", icon: IconSchool },
        { label: "CPD audits", to: "/admin/academy/cpd/audits", icon: IconListCheck },
        { label: "Licenses", to: "/admin/billing/licenses", icon: IconLicense },
      ],
    });
  }
  return sections;
}
