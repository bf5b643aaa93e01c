import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { AppError, notFound } from "../../kernel/app-error.js";
import type { Db } from "../../platform/db/database.js";
import { type EntitlementSource, entitlements, plans } from "./schema.js";

/**
 * Entitlements: who may open which Academy plan's levels, from when until when. Every write sets an
 * absolute state (starts, ends) for one (source, source id); nothing is incremented, so applying the same
 * fact twice gives the same row.
 */

export type Entitlement = {
  id: string;
  accessKey: string;
  planName: string | null;
  source: EntitlementSource;
  sourceId: string;
  startsAt: Date;
  endsAt: Date | null;
  active: boolean;
};

const live = (now: Date) =>
  and(lte(entitlements.startsAt, now), or(isNull(entitlements.endsAt), gt(entitlements.endsAt, now)));

/** The Academy plan keys a person holds now, from any source (what the level gating reads). */
export async function activeAccessKeys(db: Db, userId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: entitlements.accessKey })
    .from(entitlements)
    .where(and(eq(entitlements.userId, userId), live(now)));
  return rows.map((r) => r.key);
}

/** Every entitlement of these people (current and past), oldest first. */
export async function entitlementsOf(db: Db, userIds: string[], now: Date): Promise<Map<string, Entitlement[]>> {
  const result = new Map<string, Entitlement[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select({ e: entitlements, planName: plans.name })
    .from(entitlements)
    .leftJoin(plans, eq(plans.id, entitlements.planId))
    .where(inArray(entitlements.userId, userIds))
    .orderBy(asc(entitlements.createdAt), asc(entitlements.id));
  for (const { e, planName } of rows) {
    result.get(e.userId)?.push({
      id: e.id,
      accessKey: e.accessKey,
      planName,
      source: e.source,
      sourceId: e.sourceId,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      active: e.startsAt <= now && (e.endsAt === null || e.endsAt > now),
    });
  }
  return result;
}

const planIdOf = async (db: Db, accessKey: string) =>
  (await db.select({ id: plans.id }).from(plans).where(eq(plans.accessKey, accessKey)).limit(1))[0]?.id ?? null;

/**
 * Sets the entitlement of one source (a subscription or a seat) to an absolute state: created on first
 * use, then its dates overwritten with the ones given.
 */
export async function setSourceEntitlement(
  db: Db,
  input: {
    userId: string;
    accessKey: string;
    planId: string | null;
    source: Exclude<EntitlementSource, "staff_grant">;
    sourceId: string;
    orgId?: string | null;
    startsAt: Date;
    endsAt: Date | null;
    now: Date;
  },
): Promise<void> {
  await db
    .insert(entitlements)
    .values({
      userId: input.userId,
      accessKey: input.accessKey,
      planId: input.planId,
      source: input.source,
      sourceId: input.sourceId,
      orgId: input.orgId ?? null,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [entitlements.source, entitlements.sourceId, entitlements.accessKey],
      set: { userId: input.userId, startsAt: input.startsAt, endsAt: input.endsAt, updatedAt: input.now },
    });
}

/**
 * A staff grant of a plan from now on (until the optional end). Granting a plan the person already has
 * by staff grant renews that grant: it starts now if it had ended, and takes the new end date.
 */
export async function grantStaffAccess(
  db: Db,
  input: {
    userId: string;
    accessKey: string;
    grantedBy: string | null;
    now: Date;
    startsAt?: Date;
    endsAt: Date | null;
  },
): Promise<Entitlement> {
  const { now } = input;
  const id = randomUUID();
  const startsAt = input.startsAt ?? now;
  const [row] = await db
    .insert(entitlements)
    .values({
      id,
      userId: input.userId,
      accessKey: input.accessKey,
      planId: await planIdOf(db, input.accessKey),
      source: "staff_grant",
      sourceId: id,
      startsAt,
      endsAt: input.endsAt,
      grantedBy: input.grantedBy,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [entitlements.userId, entitlements.accessKey],
      targetWhere: sql`${entitlements.source} = 'staff_grant'`,
      set: {
        endsAt: input.endsAt,
        grantedBy: input.grantedBy,
        updatedAt: now,
        startsAt: sql`case when ${entitlements.endsAt} is not null and ${entitlements.endsAt} <= ${now.toISOString()}::timestamptz then ${startsAt.toISOString()}::timestamptz else ${entitlements.startsAt} end`,
      },
    })
    .returning();
  const e = row as typeof entitlements.$inferSelect;
  const [planName] = await db.select({ name: plans.name }).from(plans).where(eq(plans.accessKey, e.accessKey)).limit(1);
  return {
    id: e.id,
    accessKey: e.accessKey,
    planName: planName?.name ?? null,
    source: e.source,
    sourceId: e.sourceId,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    active: e.startsAt <= now && (e.endsAt === null || e.endsAt > now),
  };
}

/** Grants unless the person already holds the plan by staff grant (demo seed; idempotent). */
export async function ensureStaffAccess(db: Db, userId: string, accessKey: string, now: Date): Promise<void> {
  const id = randomUUID();
  await db
    .insert(entitlements)
    .values({
      id,
      userId,
      accessKey,
      planId: await planIdOf(db, accessKey),
      source: "staff_grant",
      sourceId: id,
      startsAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({
      target: [entitlements.userId, entitlements.accessKey],
      where: sql`${entitlements.source} = 'staff_grant'`,
    });
}

/** Removes a staff grant (other sources end with what they come from: a subscription, a seat). */
export async function removeStaffGrant(db: Db, entitlementId: string): Promise<void> {
  const [row] = await db
    .select({ source: entitlements.source })
    .from(entitlements)
    .where(eq(entitlements.id, entitlementId));
  if (!row) throw notFound("Membership");
  if (row.source !== "staff_grant") {
    throw new AppError(
      "conflict",
      row.source === "subscription"
        ? "This plan comes from the person's subscription: it ends when the subscription does."
        : "This plan comes from a team seat: the organization frees the seat.",
    );
  }
  await db.delete(entitlements).where(eq(entitlements.id, entitlementId));
}
