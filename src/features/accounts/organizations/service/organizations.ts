import { notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { OrgRole } from "../../../../kernel/roles.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { setSessionOrganization } from "../../identity/store.js";
import type { Organization } from "../contract.js";
import { slugify } from "../role-rules.js";
import * as store from "../store.js";

const present = (row: store.OrganizationRow, myRole: OrgRole): Organization => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  createdAt: row.createdAt.toISOString(),
  myRole,
});

async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await store.slugTaken(db, candidate))) return candidate;
  }
}

/** The creator becomes its owner, and it becomes their active organization. */
export async function createOrganization(ctx: AppContext, actor: Actor, name: string): Promise<Organization> {
  const created = await ctx.database.db.transaction(async (tx) => {
    const org = await store.insertOrganization(tx, { name, slug: await freeSlug(tx, name) });
    await store.upsertMembership(tx, org.id, actor.userId, "owner");
    await setSessionOrganization(tx, actor.sessionId, org.id);
    return present(org, "owner");
  });
  ctx.actorCache.forgetUser(actor.userId);
  return created;
}

/** Used by the demo seed and the CLI: an organization with a known slug, created once. */
export async function ensureOrganization(db: Db, input: { name: string; slug: string }) {
  return (await store.findOrganizationBySlug(db, input.slug)) ?? store.insertOrganization(db, input);
}

/**
 * Seeding only (demo data, CLI, benches, test factories), before the member's sessions serve requests: it
 * forgets no cached session. Members who change while signed in go through members.ts or invitations.ts.
 */
export async function addMember(db: Db, orgId: string, userId: string, role: OrgRole, reportsToUserId?: string) {
  await store.upsertMembership(db, orgId, userId, role, reportsToUserId);
}

export async function getOrganization(ctx: AppContext, actor: Actor, orgId: string): Promise<Organization> {
  const org = await store.getOrganization(ctx.database.db, orgId);
  const role = actor.memberships.get(orgId);
  if (!org || !role) throw notFound("Organization");
  return present(org, role);
}

export async function renameOrganization(ctx: AppContext, actor: Actor, orgId: string, name: string) {
  const role = actor.memberships.get(orgId);
  if (!role) throw notFound("Organization");
  const renamed = await store.renameOrganization(ctx.database.db, orgId, name);
  ctx.actorCache.forgetOrganization(orgId);
  return present(renamed, role);
}
