import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { AppError, notFound } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import type { AssignPlanBody, HeldPlan, Learner } from "./contract.js";
import { PLAN_NAMES } from "./plans.js";
import { memberships } from "./schema.js";

type MembershipRow = typeof memberships.$inferSelect;

const present = (row: MembershipRow, now: Date): HeldPlan => ({
  id: row.id,
  plan: row.plan,
  name: PLAN_NAMES[row.plan as keyof typeof PLAN_NAMES] ?? row.plan,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt?.toISOString() ?? null,
  active: row.startsAt <= now && (row.endsAt === null || row.endsAt > now),
});

/** Every plan a person holds or held (ended ones say so). */
export async function heldPlans(ctx: AppContext, userId: string): Promise<HeldPlan[]> {
  const rows = await ctx.database.db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const now = ctx.clock.now();
  return rows.map((r) => present(r, now));
}

/** People whose email contains the text (at most 20), with their plans: for the admin page. */
export async function searchLearners(ctx: AppContext, email: string): Promise<Learner[]> {
  const db = ctx.database.db;
  const pattern = `%${email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await db.execute<{ id: string; email: string; name: string }>(
    sql`select id, email, name from users where lower(email) like ${pattern} order by email limit 20`,
  );
  const people = (result as unknown as { rows: { id: string; email: string; name: string }[] }).rows;
  if (people.length === 0) return [];
  const rows = await db
    .select()
    .from(memberships)
    .where(
      inArray(
        memberships.userId,
        people.map((p) => p.id),
      ),
    )
    .orderBy(asc(memberships.createdAt));
  const now = ctx.clock.now();
  return people.map((p) => ({
    userId: p.id,
    email: p.email,
    name: p.name,
    plans: rows.filter((r) => r.userId === p.id).map((r) => present(r, now)),
  }));
}

/**
 * Gives a person a plan from now on (until the optional end date). Assigning a plan they already hold
 * renews it: it starts now if it had ended, and takes the new end date.
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
  const [row] = await db
    .insert(memberships)
    .values({ userId: body.userId, plan: body.plan, startsAt: now, endsAt, assignedBy: actor.userId, createdAt: now })
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.plan],
      set: {
        endsAt,
        assignedBy: actor.userId,
        startsAt: sql`case when ${memberships.endsAt} is not null and ${memberships.endsAt} <= ${now.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${memberships.startsAt} end`,
      },
    })
    .returning();
  return present(row as MembershipRow, now);
}

export async function removePlan(ctx: AppContext, membershipId: string): Promise<void> {
  const removed = await ctx.database.db
    .delete(memberships)
    .where(and(eq(memberships.id, membershipId)))
    .returning({ id: memberships.id });
  if (removed.length === 0) throw notFound("Membership");
}

/** Gives a plan unless the person already holds it (demo seed; idempotent). */
export async function ensurePlan(ctx: AppContext, userId: string, plan: string): Promise<void> {
  await ctx.database.db
    .insert(memberships)
    .values({ userId, plan, startsAt: ctx.clock.now() })
    .onConflictDoNothing({ target: [memberships.userId, memberships.plan] });
}
