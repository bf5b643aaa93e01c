import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import type { OrgRole } from "../../../kernel/roles.js";
import type { Db } from "../../../platform/db/database.js";
import { users } from "../identity/schema.js";
import { invitations, memberships, organizations } from "./schema.js";

export type OrganizationRow = typeof organizations.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function insertOrganization(db: Db, values: { name: string; slug: string }): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(values).returning();
  return row as OrganizationRow;
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return Boolean(row);
}

export async function getOrganization(db: Db, orgId: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  return row;
}

export async function findOrganizationBySlug(db: Db, slug: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return row;
}

export async function renameOrganization(db: Db, orgId: string, name: string): Promise<OrganizationRow> {
  const [row] = await db.update(organizations).set({ name }).where(eq(organizations.id, orgId)).returning();
  return row as OrganizationRow;
}

export async function upsertMembership(db: Db, orgId: string, userId: string, role: OrgRole, reportsToUserId?: string) {
  await db
    .insert(memberships)
    .values({ orgId, userId, role, reportsToUserId })
    .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role, reportsToUserId } });
}

export async function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

export async function listMembers(db: Db, orgId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      reportsToUserId: memberships.reportsToUserId,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
}

export async function findMember(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      reportsToUserId: memberships.reportsToUserId,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row;
}

export async function setMemberRole(db: Db, orgId: string, userId: string, role: OrgRole) {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: Db, orgId: string, userId: string) {
  await db.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function countOwners(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  return Number(row?.n ?? 0);
}

export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row as InvitationRow;
}

export async function listInvitations(db: Db, orgId: string) {
  return db
    .select({ invitation: invitations, invitedBy: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.orgId, orgId))
    .orderBy(desc(invitations.createdAt));
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name, invitedBy: users.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .innerJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function findInvitationById(db: Db, orgId: string, invitationId: string) {
  const [row] = await db
    .select({ invitation: invitations, invitedBy: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, invitationId)));
  return row;
}

export async function revokePendingInvitations(db: Db, orgId: string, email: string, now: Date) {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export async function markInvitation(
  db: Db,
  id: string,
  values: Partial<Pick<InvitationRow, "acceptedAt" | "acceptedByUserId" | "revokedAt">>,
) {
  await db.update(invitations).set(values).where(eq(invitations.id, id));
}

export async function setReportsTo(db: Db, orgId: string, userId: string, managerUserId: string | null) {
  await db
    .update(memberships)
    .set({ reportsToUserId: managerUserId })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}
