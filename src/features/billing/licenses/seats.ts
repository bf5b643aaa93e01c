import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError, notFound } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db, Tx } from "../../../platform/db/database.js";
import { findMembership } from "../../accounts/organizations/service.js";
import { setSourceEntitlement } from "../entitlements.js";
import { licensePools, plans, seatAssignments } from "../schema.js";
import type { Seat, SeatList } from "./contract.js";
import { poolViews } from "./views.js";

type PoolRow = typeof licensePools.$inferSelect;
type SeatRow = typeof seatAssignments.$inferSelect;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

async function poolOf(db: Db, orgId: string, poolId: string, lock = false): Promise<PoolRow> {
  const q = db
    .select()
    .from(licensePools)
    .where(and(eq(licensePools.id, poolId), eq(licensePools.orgId, orgId)));
  const [pool] = lock ? await q.for("update") : await q;
  if (!pool) throw notFound("License pool");
  return pool;
}

/** A seat's entitlement as an absolute state: the pool's term while the seat is held, ended when freed. */
async function writeSeatEntitlement(db: Db, pool: PoolRow, seat: SeatRow, now: Date) {
  if (!seat.userId) return;
  const [plan] = await db.select().from(plans).where(eq(plans.id, pool.planId));
  if (!plan) return;
  const startsAt = seat.assignedAt > pool.startsAt ? seat.assignedAt : pool.startsAt;
  const endsAt = seat.freedAt ? (seat.freedAt > startsAt ? seat.freedAt : startsAt) : pool.endsAt;
  await setSourceEntitlement(db, {
    userId: seat.userId,
    accessKey: plan.accessKey,
    planId: plan.id,
    source: "seat",
    sourceId: seat.id,
    orgId: pool.orgId,
    startsAt,
    endsAt,
    now,
  });
}

/** Rewrites the entitlement of every seat of a pool (after its term or seats change). */
export async function refreshPoolEntitlements(db: Db, poolId: string, now: Date): Promise<void> {
  const [pool] = await db.select().from(licensePools).where(eq(licensePools.id, poolId));
  if (!pool) return;
  const seats = await db.select().from(seatAssignments).where(eq(seatAssignments.poolId, poolId));
  for (const seat of seats) await writeSeatEntitlement(db, pool, seat, now);
}

const userByEmail = async (db: Db, orgId: string, email: string) =>
  rowsOf<{ id: string }>(
    await db.execute(
      sql`select u.id from users u join memberships m on m.user_id = u.id and m.org_id = ${orgId} where lower(u.email) = lower(${email})`,
    ),
  )[0]?.id ?? null;

/**
 * Seats given to invited emails attach to the person once they are a member of the organization (called
 * when seats are read or assigned, and by `attachInvitedSeats` for one person).
 */
export async function attachInvitedSeats(db: Db, orgId: string, now: Date): Promise<void> {
  const waiting = await db
    .select()
    .from(seatAssignments)
    .where(and(eq(seatAssignments.orgId, orgId), isNull(seatAssignments.freedAt), isNull(seatAssignments.userId)));
  for (const seat of waiting) {
    const userId = seat.invitedEmail ? await userByEmail(db, orgId, seat.invitedEmail) : null;
    if (!userId) continue;
    await db.transaction(async (tx) => {
      const pool = await poolOf(tx, orgId, seat.poolId, true);
      const [held] = await tx
        .select({ id: seatAssignments.id })
        .from(seatAssignments)
        .where(
          and(eq(seatAssignments.poolId, pool.id), eq(seatAssignments.userId, userId), isNull(seatAssignments.freedAt)),
        );
      // Already holding a seat of this pool: the invitation's seat goes back to the pool.
      const [row] = await tx
        .update(seatAssignments)
        .set(held ? { freedAt: now } : { userId })
        .where(and(eq(seatAssignments.id, seat.id), isNull(seatAssignments.userId), isNull(seatAssignments.freedAt)))
        .returning();
      if (row) await writeSeatEntitlement(tx, pool, row, now);
    });
  }
}

export async function listSeats(ctx: AppContext, orgId: string, poolId: string): Promise<SeatList> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const pool = await poolOf(db, orgId, poolId);
  await attachInvitedSeats(db, orgId, now);
  const rows = rowsOf<{ id: string; user_id: string | null; name: string | null; email: string; assigned_at: string }>(
    await db.execute(sql`
      select s.id, s.user_id, u.name, coalesce(u.email, s.invited_email) as email, s.assigned_at
      from billing_seat_assignments s left join users u on u.id = s.user_id
      where s.org_id = ${orgId} and s.pool_id = ${poolId} and s.freed_at is null
      order by s.assigned_at, s.id`),
  );
  const seats: Seat[] = rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    attached: r.user_id !== null,
    assignedAt: new Date(r.assigned_at).toISOString(),
  }));
  return { pool: (await poolViews(db, [pool]))[0] as SeatList["pool"], seats };
}

/**
 * Gives a seat to a member or an invited email. The pool row is locked first, so concurrent assignments
 * queue behind each other and the live count never passes the seats paid for (409 once full).
 */
export async function assignSeat(
  ctx: AppContext,
  orgId: string,
  byUserId: string,
  poolId: string,
  input: { userId?: string; email?: string },
): Promise<SeatList> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  await db.transaction(async (tx: Tx) => {
    const pool = await poolOf(tx, orgId, poolId, true);
    if (pool.endsAt <= now) throw new AppError("conflict", "This pool's term has ended.");
    let userId = input.userId ?? null;
    const email = input.email?.trim().toLowerCase() ?? null;
    if (userId) {
      const member = await findMembership(tx, orgId, userId);
      if (!member) {
        throw new AppError("invalid_input", "That person is not a member of this organization.", {
          fields: { userId: "is not a member of this organization" },
        });
      }
    } else if (email) {
      userId = await userByEmail(tx, orgId, email);
    }
    const live = await tx
      .select({ userId: seatAssignments.userId, email: seatAssignments.invitedEmail })
      .from(seatAssignments)
      .where(and(eq(seatAssignments.poolId, pool.id), isNull(seatAssignments.freedAt)));
    if (live.some((s) => (userId && s.userId === userId) || (email && !s.userId && s.email === email))) {
      throw new AppError("conflict", "This person already holds a seat of this pool.");
    }
    if (live.length >= pool.seats) {
      throw new AppError("conflict", `All ${pool.seats} seats are assigned: free one, or buy more seats.`);
    }
    const [seat] = await tx
      .insert(seatAssignments)
      .values({
        orgId,
        poolId: pool.id,
        userId,
        invitedEmail: userId ? null : email,
        assignedAt: now,
        assignedBy: byUserId,
      })
      .returning();
    await writeSeatEntitlement(tx, pool, seat as SeatRow, now);
  });
  return listSeats(ctx, orgId, poolId);
}

/** Frees a seat: its entitlement ends now; the person's learning record and credentials stay theirs. */
export async function freeSeat(ctx: AppContext, orgId: string, byUserId: string, poolId: string, seatId: string) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  await db.transaction(async (tx: Tx) => {
    const pool = await poolOf(tx, orgId, poolId, true);
    const [seat] = await tx
      .update(seatAssignments)
      .set({ freedAt: now, freedBy: byUserId })
      .where(
        and(
          eq(seatAssignments.id, seatId),
          eq(seatAssignments.poolId, pool.id),
          eq(seatAssignments.orgId, orgId),
          isNull(seatAssignments.freedAt),
        ),
      )
      .returning();
    if (!seat) throw notFound("Seat");
    await writeSeatEntitlement(tx, pool, seat, now);
  });
}
