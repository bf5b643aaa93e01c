import { randomBytes } from "node:crypto";
import { createConfirmedUser, ensurePlatformAdmin, openSession } from "../src/features/accounts/identity/service.js";
import { addMember, createOrganization } from "../src/features/accounts/organizations/service.js";
import type { OrgRole } from "../src/kernel/roles.js";
import type { AppContext } from "../src/platform/context.js";

export const FACTORY_PASSWORD = "correct horse battery";

const unique = () => randomBytes(4).toString("hex");

/** A confirmed user with a live session; `cookie` is ready for app.inject. */
export async function buildUser(ctx: AppContext, overrides: { email?: string; name?: string } = {}) {
  const email = overrides.email ?? `user-${unique()}@example.test`;
  const { userId } = await createConfirmedUser(ctx, {
    email,
    name: overrides.name ?? "Test User",
    password: FACTORY_PASSWORD,
  });
  const session = await openSession(ctx, userId, { ip: null, userAgent: "vitest" });
  return { userId, email, cookie: `pulse_session=${session.token}` };
}

/** An organization owned by a new user; add members with `buildMember`. */
export async function buildOrganization(ctx: AppContext, name = `Org ${unique()}`) {
  const owner = await buildUser(ctx, { name: "Owner" });
  const actor = {
    userId: owner.userId,
    email: owner.email,
    name: "Owner",
    isPlatformAdmin: false,
    sessionId: "factory",
    activeOrgId: null,
    memberships: new Map(),
  };
  const org = await createOrganization(ctx, actor, name);
  return { orgId: org.id, owner };
}

export async function buildMember(ctx: AppContext, orgId: string, role: OrgRole) {
  const user = await buildUser(ctx, { name: `A ${role}` });
  await addMember(ctx.database.db, orgId, user.userId, role);
  return user;
}

/** A platform admin (Pulse staff) with a live session. */
export async function buildPlatformAdmin(ctx: AppContext) {
  const user = await buildUser(ctx, { name: "Staff" });
  await ensurePlatformAdmin(ctx, { email: user.email, password: FACTORY_PASSWORD });
  return user;
}
