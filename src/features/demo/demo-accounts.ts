import type { OrgRole } from "../../kernel/roles.js";

export const DEMO_PASSWORD = "pulse-demo-password";

export const DEMO_ORGANIZATION = { name: "Northwind Customer Success", slug: "northwind-cs" };

/** The demo accounts the README lists; all share DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: OrgRole }[] = [
  { email: "owner@demo.pulse", name: "Olivia Owner", role: "owner" },
  { email: "admin@demo.pulse", name: "Adam Admin", role: "admin" },
  { email: "manager@demo.pulse", name: "Maya Manager", role: "manager" },
  { email: "member@demo.pulse", name: "Milo Member", role: "member" },
];

export const DEMO_PLATFORM_ADMIN = { email: "staff@demo.pulse", name: "Sam Staff" };
