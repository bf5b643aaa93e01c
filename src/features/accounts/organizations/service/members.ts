import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { OrgRole } from "../../../../kernel/roles.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Member, MemberList } from "../contract.js";
import { roleChangeRefusal } from "../role-rules.js";
import * as store from "../store.js";

type MemberRow = NonNullable<Awaited<ReturnType<typeof store.findMember>>>;
const present = (m: MemberRow): Member => ({ ...m, joinedAt: m.joinedAt.toISOString() });

export async function listMembers(ctx: AppContext, orgId: string): Promise<MemberList> {
  const rows = await store.listMembers(ctx.database.db, orgId);
  return { members: rows.map(present) };
}

/** Changes a member's role (newRole) or removes them (null), under the rules in role-rules.ts. */
async function changeMembership(ctx: AppContext, actor: Actor, orgId: string, userId: string, newRole: OrgRole | null) {
  const changed = await ctx.database.db.transaction(async (tx) => {
    const target = await store.findMember(tx, orgId, userId);
    if (!target) throw notFound("Member");
    const refusal = roleChangeRefusal({
      actorRole: actor.memberships.get(orgId) ?? "member",
      actorIsTarget: actor.userId === userId,
      targetRole: target.role,
      newRole,
      ownerCount: await store.countOwners(tx, orgId),
    });
    if (refusal) throw new AppError("rule_broken", refusal, newRole ? { fields: { role: refusal } } : {});
    if (newRole === null) {
      await store.deleteMembership(tx, orgId, userId);
      return null;
    }
    await store.setMemberRole(tx, orgId, userId, newRole);
    return present({ ...target, role: newRole });
  });
  // After the commit: the member's sessions in this process see the new role (or none) on their next request.
  ctx.actorCache.forgetUser(userId);
  return changed;
}

export async function changeMemberRole(ctx: AppContext, actor: Actor, orgId: string, userId: string, role: OrgRole) {
  return (await changeMembership(ctx, actor, orgId, userId, role)) as Member;
}

export async function removeMember(ctx: AppContext, actor: Actor, orgId: string, userId: string) {
  await changeMembership(ctx, actor, orgId, userId, null);
}

/** Sets who a member reports to; the manager must be a member, and no one may end up reporting to themselves. */
export async function setManager(ctx: AppContext, orgId: string, userId: string, managerUserId: string | null) {
  return ctx.database.db.transaction(async (tx) => {
    const target = await store.findMember(tx, orgId, userId);
    if (!target) throw notFound("Member");
    if (managerUserId) {
      const members = await store.listMembers(tx, orgId);
      const byId = new Map(members.map((m) => [m.userId, m]));
      if (!byId.has(managerUserId)) {
        throw new AppError("invalid_input", "The manager must be a member of this organization.", {
          fields: { managerUserId: "is not a member of this organization" },
        });
      }
      // Walk up from the new manager: meeting the member again would make a loop.
      for (let at: string | null = managerUserId, hops = 0; at && hops <= members.length; hops++) {
        if (at === userId) {
          throw new AppError("rule_broken", "That would make someone their own manager.", {
            fields: { managerUserId: "would create a reporting loop" },
          });
        }
        at = byId.get(at)?.reportsToUserId ?? null;
      }
    }
    await store.setReportsTo(tx, orgId, userId, managerUserId);
    return present({ ...target, reportsToUserId: managerUserId });
  });
}
