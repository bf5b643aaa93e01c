import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { recordCpdMinutes } from "../ledger/service.js";
import { assertCpdOpen, CPD_PROGRAM_KEY } from "../library/access.js";
import type { EventBody, EventPatch, EventView } from "./contract.js";
import { cpdEventRegistrations, cpdEvents } from "./schema.js";

type EventRow = typeof cpdEvents.$inferSelect;

const notFound = () => new AppError("not_found", "Event was not found.");
const minutesOf = (e: Pick<EventRow, "startsAt" | "endsAt">) =>
  Math.max(0, Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60_000));

async function eventRow(db: Db, eventId: string, forUpdate = false): Promise<EventRow> {
  const q = db.select().from(cpdEvents).where(eq(cpdEvents.id, eventId));
  const [row] = forUpdate ? await q.for("update") : await q;
  if (!row) throw notFound();
  return row;
}

async function views(db: Db, rows: EventRow[], userId: string | null): Promise<EventView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .select({
      eventId: cpdEventRegistrations.eventId,
      status: cpdEventRegistrations.status,
      n: sql<number>`count(*)::int`,
    })
    .from(cpdEventRegistrations)
    .where(inArray(cpdEventRegistrations.eventId, ids))
    .groupBy(cpdEventRegistrations.eventId, cpdEventRegistrations.status);
  const mine = userId
    ? await db
        .select()
        .from(cpdEventRegistrations)
        .where(and(inArray(cpdEventRegistrations.eventId, ids), eq(cpdEventRegistrations.userId, userId)))
    : [];
  const count = (eventId: string, status: string) =>
    Number(counts.find((c) => c.eventId === eventId && c.status === status)?.n ?? 0);
  return rows.map((r) => {
    const reg = mine.find((m) => m.eventId === r.id);
    return {
      id: r.id,
      uid: r.uid,
      sequence: r.sequence,
      title: r.title,
      heading: r.heading,
      host: r.host,
      kind: r.kind,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      timeZone: r.timeZone,
      joinUrl: r.joinUrl,
      capacity: r.capacity,
      description: r.description,
      minutes: minutesOf(r),
      cancelled: r.cancelledAt !== null,
      registeredCount: count(r.id, "registered"),
      waitlistCount: count(r.id, "waitlisted"),
      myStatus: reg?.status ?? null,
      attended: reg?.attended ?? false,
    };
  });
}

async function viewOf(db: Db, eventId: string, userId: string | null): Promise<EventView> {
  const [view] = await views(db, [await eventRow(db, eventId)], userId);
  return view as EventView;
}

/** Moves the waiting list up, oldest first, while the event has free places. */
async function promoteWaitlist(ctx: AppContext, db: Db, event: EventRow): Promise<void> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cpdEventRegistrations)
    .where(and(eq(cpdEventRegistrations.eventId, event.id), eq(cpdEventRegistrations.status, "registered")));
  const free = event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - Number(row?.n ?? 0);
  if (free <= 0) return;
  const queue = await db
    .select({ id: cpdEventRegistrations.id })
    .from(cpdEventRegistrations)
    .where(and(eq(cpdEventRegistrations.eventId, event.id), eq(cpdEventRegistrations.status, "waitlisted")))
    .orderBy(asc(cpdEventRegistrations.statusAt), asc(cpdEventRegistrations.createdAt))
    .limit(Number.isFinite(free) ? free : 100_000);
  if (queue.length === 0) return;
  await db
    .update(cpdEventRegistrations)
    .set({ status: "registered", statusAt: ctx.clock.now() })
    .where(
      inArray(
        cpdEventRegistrations.id,
        queue.map((q) => q.id),
      ),
    );
}

// ---- staff

export async function createEvent(ctx: AppContext, actor: Actor, body: EventBody): Promise<EventView> {
  const now = ctx.clock.now();
  const [row] = await ctx.database.db
    .insert(cpdEvents)
    .values({
      uid: `cpd-event-${randomUUID()}@pulse`,
      sequence: 0,
      ...body,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("event not created");
  return viewOf(ctx.database.db, row.id, null);
}

/** Any change bumps SEQUENCE (the UID stays); a larger capacity moves the waiting list up. */
export async function updateEvent(ctx: AppContext, eventId: string, patch: EventPatch): Promise<EventView> {
  await ctx.database.db.transaction(async (tx) => {
    const current = await eventRow(tx, eventId, true);
    if (current.cancelledAt) throw new AppError("conflict", "A cancelled event cannot be changed.");
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : current.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : current.endsAt;
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw new AppError("invalid_input", "The event must end after it starts.", {
        fields: { endsAt: "must be after the start" },
      });
    }
    const [updated] = await tx
      .update(cpdEvents)
      .set({
        ...patch,
        startsAt,
        endsAt,
        sequence: current.sequence + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(cpdEvents.id, eventId))
      .returning();
    if (updated) await promoteWaitlist(ctx, tx, updated);
  });
  return viewOf(ctx.database.db, eventId, null);
}

export async function cancelEvent(ctx: AppContext, eventId: string): Promise<EventView> {
  await ctx.database.db.transaction(async (tx) => {
    const current = await eventRow(tx, eventId, true);
    if (current.cancelledAt) return;
    await tx
      .update(cpdEvents)
      .set({ cancelledAt: ctx.clock.now(), sequence: current.sequence + 1, updatedAt: ctx.clock.now() })
      .where(eq(cpdEvents.id, eventId));
  });
  return viewOf(ctx.database.db, eventId, null);
}

/**
 * Staff mark who attended: each registered attendee's record gets the event's minutes once, as Live
 * learning (workshops as Workshops). Marking again records nothing twice.
 */
export async function markAttendance(ctx: AppContext, actor: Actor, eventId: string, userIds: string[]) {
  const event = await eventRow(ctx.database.db, eventId);
  const wanted = [...new Set(userIds)];
  const regs = await ctx.database.db
    .select()
    .from(cpdEventRegistrations)
    .where(
      and(
        eq(cpdEventRegistrations.eventId, eventId),
        eq(cpdEventRegistrations.status, "registered"),
        inArray(cpdEventRegistrations.userId, wanted),
      ),
    );
  const minutes = minutesOf(event);
  let recorded = 0;
  for (const reg of regs) {
    await ctx.database.db.transaction(async (tx) => {
      await tx.update(cpdEventRegistrations).set({ attended: true }).where(eq(cpdEventRegistrations.id, reg.id));
      if (minutes <= 0) return;
      const { created } = await recordCpdMinutes(ctx, tx, {
        userId: reg.userId,
        program: { key: CPD_PROGRAM_KEY },
        source: event.kind === "workshop" ? "workshops" : "live",
        sourceKey: `event:${event.id}:${reg.userId}`,
        itemId: event.id,
        title: event.title,
        assetType: event.kind,
        activityType: "attended",
        minutes,
        occurredAt: event.startsAt,
        recordedBy: actor.userId,
        launchPath: "/cpd/events",
      });
      if (created) recorded += 1;
    });
  }
  const found = new Set(regs.map((r) => r.userId));
  return { marked: regs.length, recorded, notRegistered: wanted.filter((id) => !found.has(id)) };
}

// ---- learners

/** Upcoming and recent events by heading (or one month's), with the caller's registration. */
export async function listEvents(ctx: AppContext, actor: Actor, query: { month?: string; heading?: string }) {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const where = [isNull(cpdEvents.cancelledAt), query.heading ? eq(cpdEvents.heading, query.heading) : undefined];
  if (query.month) {
    const [y, m] = query.month.split("-").map(Number) as [number, number];
    where.push(
      gte(cpdEvents.startsAt, new Date(Date.UTC(y, m - 1, 1))),
      lt(cpdEvents.startsAt, new Date(Date.UTC(y, m, 1))),
    );
  } else {
    // the list view: events not yet ended (and those that ended in the last 7 days)
    where.push(gte(cpdEvents.endsAt, new Date(ctx.clock.now().getTime() - 7 * 86_400_000)));
  }
  const rows = await db
    .select()
    .from(cpdEvents)
    .where(and(...where))
    .orderBy(asc(cpdEvents.startsAt))
    .limit(500);
  const all = await views(db, rows, actor.userId);
  const headings = [...new Set(all.map((e) => e.heading))].sort((a, b) => a.localeCompare(b));
  return { headings: headings.map((heading) => ({ heading, events: all.filter((e) => e.heading === heading) })) };
}

/** Registers the caller (no limit on how many events); a full event puts them on its waiting list. */
export async function register(ctx: AppContext, actor: Actor, eventId: string): Promise<EventView> {
  await assertCpdOpen(ctx, actor);
  await ctx.database.db.transaction(async (tx) => {
    const event = await eventRow(tx, eventId, true);
    if (event.cancelledAt) throw new AppError("conflict", "This event was cancelled.");
    if (event.endsAt.getTime() <= ctx.clock.now().getTime()) throw new AppError("conflict", "This event is over.");
    const [existing] = await tx
      .select()
      .from(cpdEventRegistrations)
      .where(and(eq(cpdEventRegistrations.eventId, eventId), eq(cpdEventRegistrations.userId, actor.userId)));
    if (existing && existing.status !== "cancelled") return;
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(cpdEventRegistrations)
      .where(and(eq(cpdEventRegistrations.eventId, eventId), eq(cpdEventRegistrations.status, "registered")));
    const full = event.capacity !== null && Number(row?.n ?? 0) >= event.capacity;
    const status = full ? ("waitlisted" as const) : ("registered" as const);
    const now = ctx.clock.now();
    if (existing) {
      await tx
        .update(cpdEventRegistrations)
        .set({ status, statusAt: now })
        .where(eq(cpdEventRegistrations.id, existing.id));
    } else {
      await tx
        .insert(cpdEventRegistrations)
        .values({ eventId, userId: actor.userId, status, statusAt: now, createdAt: now });
    }
  });
  return viewOf(ctx.database.db, eventId, actor.userId);
}

/** Cancels the caller's place (or waiting-list place); a freed place goes to the waiting list. */
export async function cancelRegistration(ctx: AppContext, actor: Actor, eventId: string): Promise<EventView> {
  await assertCpdOpen(ctx, actor);
  await ctx.database.db.transaction(async (tx) => {
    const event = await eventRow(tx, eventId, true);
    const [existing] = await tx
      .select()
      .from(cpdEventRegistrations)
      .where(and(eq(cpdEventRegistrations.eventId, eventId), eq(cpdEventRegistrations.userId, actor.userId)));
    if (!existing || existing.status === "cancelled") return;
    await tx
      .update(cpdEventRegistrations)
      .set({ status: "cancelled", statusAt: ctx.clock.now() })
      .where(eq(cpdEventRegistrations.id, existing.id));
    if (existing.status === "registered" && !event.cancelledAt) await promoteWaitlist(ctx, tx, event);
  });
  return viewOf(ctx.database.db, eventId, actor.userId);
}

/** The event's iCalendar file: one UID forever, SEQUENCE bumped on every change; METHOD CANCEL once cancelled. */
export function eventCalendar(ctx: AppContext, event: EventRow): string {
  const cancelled = event.cancelledAt !== null;
  const calendar = ical({
    name: "Pulse CPD events",
    prodId: { company: "Pulse", product: "CPD Events" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    stamp: ctx.clock.now(),
    summary: event.title,
    description: `${event.description}\n\nHosted by ${event.host}. Join: ${event.joinUrl}`.trim(),
    location: event.joinUrl,
    url: event.joinUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

export async function eventIcs(ctx: AppContext, actor: Actor, eventId: string) {
  await assertCpdOpen(ctx, actor);
  const event = await eventRow(ctx.database.db, eventId);
  return { filename: `cpd-event-${event.id}.ics`, body: eventCalendar(ctx, event) };
}
