import type { OrgRole } from "../../kernel/roles.js";

/**
 * The demo accounts' password. The seed writes its hash directly (createConfirmedUser): seeding is not a
 * person choosing a password, and the password policy refuses this one to anyone who tries to choose it.
 */
export const DEMO_PASSWORD = "pulse-demo-password";

export const DEMO_ORGANIZATION = { name: "Northwind Customer Success", slug: "northwind-cs" };

/** The demo accounts the README lists; all share DEMO_PASSWORD. CSMs report to the manager. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: OrgRole; csm?: boolean }[] = [
  { email: "owner@demo.pulse", name: "Olivia Owner", role: "owner" },
  { email: "admin@demo.pulse", name: "Adam Admin", role: "admin" },
  { email: "manager@demo.pulse", name: "Maya Manager", role: "manager" },
  { email: "member@demo.pulse", name: "Milo Member", role: "member", csm: true },
  { email: "csm.jordan@demo.pulse", name: "Jordan Lee", role: "member", csm: true },
  { email: "csm.priya@demo.pulse", name: "Priya Shah", role: "member", csm: true },
  { email: "csm.tomas@demo.pulse", name: "Tomás García", role: "member", csm: true },
];

export const DEMO_PLATFORM_ADMIN = { email: "staff@demo.pulse", name: "Sam Staff" };

/** Seed 001 asks for "a few thousand clients with two years of pulses". */
export const DEMO_HEALTH = { clients: 3000, months: 24, usageWeeks: 12 };

/** Academy membership plans of the demo accounts (Basic opens Level 1, Scholar 1-4, Full 1-5). */
export const DEMO_PLANS: Record<string, string> = {
  "member@demo.pulse": "basic",
  "csm.jordan@demo.pulse": "scholar",
  "csm.priya@demo.pulse": "scholar",
  "csm.tomas@demo.pulse": "scholar",
  "manager@demo.pulse": "full",
};
