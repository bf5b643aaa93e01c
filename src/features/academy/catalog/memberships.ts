import { sql } from "drizzle-orm";
import { AppError, notFound } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import {
  type Entitlement,
  ensureStaffAccess,
  entitlementsOf,
  grantStaffAccess,
  removeStaffGrant,
} from "../../billing/service.js";
import type { AssignPlanBody, HeldPlan, Learner } from "./contract.js";
import { PLAN_NAMES } from "./plans.js";

/**
 * A person's plans are billing's entitlements: a subscription, a team seat or a staff grant. Staff
 * "assign a plan" here, which is a staff grant.
 */
const present = (e: Entitlement): HeldPlan => ({
  id: e.id,
  plan: e.accessKey,
  name: e.planName ?? PLAN_NAMES[e.accessKey as keyof typeof PLAN_NAMES] ?? e.accessKey,
  source: e.source,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt?.toISOString() ?? null,
  active: e.active,
});

/** Every plan a person holds or held (ended ones say so). */
export async function heldPlans(ctx: AppContext, userId: string): Promise<HeldPlan[]> {
  const held = await entitlementsOf(ctx.database.db, [userId], ctx.clock.now());
  return (held.get(userId) ?? []).map(present);
}

/** People whose email contains the text (at most 20), with their plans: for the admin page. */
export async function searchLearners(ctx: AppContext, email: string): Promise<Learner[]> {
  const db = ctx.database.db;
  const pattern = `%${email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await db.execute<{ id: string; email: string; name: string }>(
    sql`select id, email, name from users where lower(email) like ${pattern} order by email limit 20`,
  );
  const people = (result as unknown as { rows: { id: string; email: string; name: string }[] }).rows;
  const held = await entitlementsOf(
    db,
    people.map((p) => p.id),
    ctx.clock.now(),
  );
  return people.map((p) => ({
    userId: p.id,
    email: p.email,
    name: p.name,
    plans: (held.get(p.id) ?? []).map(present),
  }));
}

/**
 * Staff give a person a plan from now on (until the optional end date): a staff grant. Granting a plan
 * they already hold by staff grant renews it: it starts now if it had ended, and takes the new end date.
 */
export async function assignPlan(ctx: AppContext, actor: Actor, body: AssignPlanBody): Promise<HeldPlan> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const endsAt = body.endsOn ? new Date(`${body.endsOn}T00:00:00Z`) : null;
  if (endsAt && endsAt <= now) {
    throw new AppError("invalid_input", "The end date must be in the future.", {
      fields: { endsOn: "must be in the future" },
    });
  }
  const exists = await db.execute(sql`select 1 from users where id = ${body.userId}`);
  if ((exists as unknown as { rows: unknown[] }).rows.length === 0) throw notFound("User");
  return present(
    await grantStaffAccess(db, { userId: body.userId, accessKey: body.plan, grantedBy: actor.userId, now, endsAt }),
  );
}

/** Removes a staff grant; a plan from a subscription or a seat ends with its source (409). */
export async function removePlan(ctx: AppContext, membershipId: string): Promise<void> {
  await removeStaffGrant(ctx.database.db, membershipId);
}

/** Gives a plan by staff grant unless the person already has one (demo seed; idempotent). */
export async function ensurePlan(ctx: AppContext, userId: string, plan: string): Promise<void> {
  await ensureStaffAccess(ctx.database.db, userId, plan, ctx.clock.now());
}
