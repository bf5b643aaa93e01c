import { and, eq, inArray } from "drizzle-orm";
import type { OrgRole } from "../../../../kernel/roles.js";
import type { Db } from "../../../../platform/db/database.js";
import { memberships, organizations } from "../schema.js";

/** The person's role in the organization, or undefined when they are not a member. */
export async function findMembership(db: Db, orgId: string, userId: string): Promise<OrgRole | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role;
}

/** Members holding any of the given roles (e.g. the organization's executives: owners and admins). */
export async function listMemberIdsWithRoles(db: Db, orgId: string, roles: OrgRole[]): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, roles)));
  return rows.map((r) => r.userId);
}

/** Who the person reports to in this organization, if anyone. */
export async function managerOf(db: Db, orgId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ managerId: memberships.reportsToUserId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.managerId ?? null;
}

/** Organization names by id (for other features' documents and lists, e.g. invoices' buyer). */
export async function organizationNames(db: Db, orgIds: readonly string[]): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...orgIds]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
