import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { listMembershipsOfUser } from "../../organizations/store.js";
import type { MeResponse, SessionList, UpdateProfileBody } from "../contract.js";
import * as store from "../store.js";

/** The signed-in user, their organizations and roles, and the organization they work in now. */
export async function getMe(db: Db, userId: string, activeOrgId: string | null): Promise<MeResponse> {
  const user = await store.findUserById(db, userId);
  if (!user) throw notFound("User");
  const organizations = await listMembershipsOfUser(db, userId);
  const active =
    activeOrgId && organizations.some((o) => o.id === activeOrgId) ? activeOrgId : (organizations[0]?.id ?? null);
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      emailConfirmed: Boolean(user.emailConfirmedAt),
      isPlatformAdmin: user.isPlatformAdmin,
      timeZone: user.timeZone,
      createdAt: user.createdAt.toISOString(),
    },
    organizations,
    activeOrganizationId: active,
  };
}

/** /api/me from what the session already loaded; falls back to the database when it did not. */
export async function meOf(db: Db, actor: Actor): Promise<MeResponse> {
  const p = actor.profile;
  if (!p) return getMe(db, actor.userId, actor.activeOrgId);
  return {
    user: {
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      emailConfirmed: p.emailConfirmed,
      isPlatformAdmin: actor.isPlatformAdmin,
      timeZone: p.timeZone,
      createdAt: p.createdAt,
    },
    organizations: p.organizations,
    activeOrganizationId: actor.activeOrgId,
  };
}

export async function updateProfile(ctx: AppContext, actor: Actor, input: UpdateProfileBody): Promise<MeResponse> {
  await store.updateUser(ctx.database.db, actor.userId, input, ctx.clock.now());
  ctx.actorCache.forgetUser(actor.userId);
  return getMe(ctx.database.db, actor.userId, actor.activeOrgId);
}

export async function listSessions(ctx: AppContext, actor: Actor): Promise<SessionList> {
  const rows = await store.listLiveSessions(ctx.database.db, actor.userId, ctx.clock.now());
  return {
    sessions: rows.map((s) => ({
      // The public id is a prefix of the stored hash: enough to name it, useless to sign in with.
      id: s.id.slice(0, 16),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
      ip: s.ip,
      current: s.id === actor.sessionId,
    })),
  };
}

export async function revokeMySession(ctx: AppContext, actor: Actor, publicId: string): Promise<void> {
  const now = ctx.clock.now();
  const rows = await store.listLiveSessions(ctx.database.db, actor.userId, now);
  const target = rows.find((s) => s.id.slice(0, 16) === publicId);
  if (!target || !(await store.revokeSession(ctx.database.db, actor.userId, target.id, now))) {
    throw notFound("Session");
  }
  ctx.actorCache.forgetSession(target.id);
}

export async function setActiveOrganization(ctx: AppContext, actor: Actor, orgId: string): Promise<MeResponse> {
  if (!actor.memberships.has(orgId)) {
    throw new AppError("not_found", "Organization was not found.", {
      fields: { organizationId: "is not one of yours" },
    });
  }
  await store.setSessionOrganization(ctx.database.db, actor.sessionId, orgId);
  ctx.actorCache.forgetSession(actor.sessionId);
  return getMe(ctx.database.db, actor.userId, orgId);
}
