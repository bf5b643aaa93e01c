import { IconAdjustmentsHorizontal, IconBell, IconBuildingStore, IconChartPie, IconFilter } from "@tabler/icons-react";
import type { ComponentType } from "react";
import type { MyOrganization } from "../../../../src/features/accounts/identity/contract";
import { roleAtLeast } from "./use-pulse-workspace";

export type PulseSection = {
  label: string;
  to: "/pulse/clients" | "/pulse/segments" | "/pulse/reports" | "/pulse/alerts" | "/pulse/settings";
  icon: ComponentType<{ size?: number; stroke?: number }>;
  minimumRole: MyOrganization["role"];
};

/**
 * The sub-navigation under Pulse. Add Segments, Reports and Alerts here (between Clients and
 * Settings) when their pages exist; list only pages that exist.
 */
export const PULSE_SECTIONS: PulseSection[] = [
  { label: "Clients", to: "/pulse/clients", icon: IconBuildingStore, minimumRole: "member" },
  { label: "Segments", to: "/pulse/segments", icon: IconFilter, minimumRole: "member" },
  { label: "Reports", to: "/pulse/reports", icon: IconChartPie, minimumRole: "member" },
  { label: "Alerts", to: "/pulse/alerts", icon: IconBell, minimumRole: "member" },
  { label: "Settings", to: "/pulse/settings", icon: IconAdjustmentsHorizontal, minimumRole: "admin" },
];

export const sectionsFor = (role: MyOrganization["role"]) =>
  PULSE_SECTIONS.filter((section) => roleAtLeast(role, section.minimumRole));
