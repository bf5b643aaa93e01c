import { and, asc, count, desc, eq, inArray, ne, notInArray, type SQL, sql } from "drizzle-orm";
import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db, Tx } from "../../../../platform/db/database.js";
import { contactsOf } from "../../../accounts/identity/service.js";
import { assertCpdOpen } from "../library/access.js";
import type { StaffSuggestionView, StatusBody, SuggestionBody, SuggestionView } from "./contract.js";
import { cpdSuggestionStatusLog, cpdSuggestions, cpdSuggestionVotes, type SuggestionStatus } from "./schema.js";
import { allowedNext, canTransition } from "./transitions.js";

type Row = typeof cpdSuggestions.$inferSelect;
const LIMIT = 500;
const LABEL: Record<SuggestionStatus, string> = {
  submitted: "submitted",
  under_review: "under review",
  planned: "planned",
  published: "published",
  declined: "declined",
};

async function views(db: Db, rows: Row[], viewerId: string): Promise<SuggestionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const tallies = await db
    .select({ id: cpdSuggestionVotes.suggestionId, n: count() })
    .from(cpdSuggestionVotes)
    .where(inArray(cpdSuggestionVotes.suggestionId, ids))
    .groupBy(cpdSuggestionVotes.suggestionId);
  const mine = await db
    .select({ id: cpdSuggestionVotes.suggestionId })
    .from(cpdSuggestionVotes)
    .where(and(inArray(cpdSuggestionVotes.suggestionId, ids), eq(cpdSuggestionVotes.userId, viewerId)));
  const votes = new Map(tallies.map((t) => [t.id, Number(t.n)]));
  const supported = new Set(mine.map((m) => m.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    covers: r.covers,
    why: r.why,
    status: r.status,
    staffNote: r.staffNote,
    votes: votes.get(r.id) ?? 0,
    supported: supported.has(r.id),
    mine: r.authorId === viewerId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** A learner suggests a new CPD training topic (status submitted, logged). */
export async function submitSuggestion(ctx: AppContext, actor: Actor, body: SuggestionBody): Promise<SuggestionView> {
  await assertCpdOpen(ctx, actor);
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(cpdSuggestions)
      .values({ authorId: actor.userId, ...body, status: "submitted", createdAt: now, updatedAt: now })
      .returning();
    if (!created) throw new Error("suggestion not stored");
    await tx
      .insert(cpdSuggestionStatusLog)
      .values({ suggestionId: created.id, fromStatus: null, toStatus: "submitted", actorId: actor.userId, at: now });
    return created;
  });
  const [view] = await views(ctx.database.db, [row], actor.userId);
  return view as SuggestionView;
}

/** The learner's own suggestions with status and the staff note, newest first. */
export async function mySuggestions(ctx: AppContext, actor: Actor): Promise<SuggestionView[]> {
  const db = ctx.database.db;
  const rows = await db
    .select()
    .from(cpdSuggestions)
    .where(eq(cpdSuggestions.authorId, actor.userId))
    .orderBy(desc(cpdSuggestions.createdAt), desc(cpdSuggestions.id))
    .limit(LIMIT);
  return views(db, rows, actor.userId);
}

/** Other learners' open suggestions (not declined), to support; most supported first. */
export async function suggestionsToSupport(ctx: AppContext, actor: Actor): Promise<SuggestionView[]> {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const where = and(ne(cpdSuggestions.authorId, actor.userId), notInArray(cpdSuggestions.status, ["declined"]));
  return views(db, await mostSupported(db, where, desc(cpdSuggestions.createdAt)), actor.userId);
}

/** Suggestions matching `where`, most supported first, then by `tieBreak` (at most LIMIT). */
async function mostSupported(db: Db, where: SQL | undefined, tieBreak: SQL): Promise<Row[]> {
  const tally = db
    .select({ id: cpdSuggestionVotes.suggestionId, n: count().as("n") })
    .from(cpdSuggestionVotes)
    .groupBy(cpdSuggestionVotes.suggestionId)
    .as("tally");
  const rows = await db
    .select({ s: cpdSuggestions })
    .from(cpdSuggestions)
    .leftJoin(tally, eq(tally.id, cpdSuggestions.id))
    .where(where)
    .orderBy(sql`coalesce(${tally.n}, 0) desc`, tieBreak, asc(cpdSuggestions.id))
    .limit(LIMIT);
  return rows.map((r) => r.s);
}

async function load(db: Db, id: string): Promise<Row> {
  const [row] = await db.select().from(cpdSuggestions).where(eq(cpdSuggestions.id, id));
  if (!row) throw notFound("The suggestion");
  return row;
}

/** Support a suggestion: one vote per user (repeating it is harmless), never one's own, not a closed one. */
export async function supportSuggestion(ctx: AppContext, actor: Actor, id: string): Promise<SuggestionView> {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const row = await load(db, id);
  if (row.authorId === actor.userId) {
    throw new AppError("invalid_input", "You cannot support your own suggestion.", {
      fields: { suggestionId: "is your own suggestion" },
    });
  }
  if (row.status === "declined") {
    throw new AppError("invalid_input", "A declined suggestion cannot be supported.", {
      fields: { suggestionId: "is declined" },
    });
  }
  await db
    .insert(cpdSuggestionVotes)
    .values({ suggestionId: id, userId: actor.userId, createdAt: ctx.clock.now() })
    .onConflictDoNothing();
  const [view] = await views(db, [row], actor.userId);
  return view as SuggestionView;
}

/** Withdraw one's support. */
export async function withdrawSupport(ctx: AppContext, actor: Actor, id: string): Promise<SuggestionView> {
  const db = ctx.database.db;
  const row = await load(db, id);
  await db
    .delete(cpdSuggestionVotes)
    .where(and(eq(cpdSuggestionVotes.suggestionId, id), eq(cpdSuggestionVotes.userId, actor.userId)));
  const [view] = await views(db, [row], actor.userId);
  return view as SuggestionView;
}

async function staffViews(db: Db, rows: Row[], viewerId: string): Promise<StaffSuggestionView[]> {
  const base = await views(db, rows, viewerId);
  if (base.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const authors = await contactsOf(
    db,
    rows.map((r) => r.authorId),
  );
  const log = await db
    .select()
    .from(cpdSuggestionStatusLog)
    .where(inArray(cpdSuggestionStatusLog.suggestionId, ids))
    .orderBy(asc(cpdSuggestionStatusLog.at), asc(cpdSuggestionStatusLog.id));
  return base.map((v, i) => {
    const authorId = (rows[i] as Row).authorId;
    return {
      ...v,
      author: authors.find((a) => a.id === authorId) ?? { id: authorId, name: "", email: "" },
      next: [...allowedNext(v.status)],
      log: log
        .filter((e) => e.suggestionId === v.id)
        .map((e) => ({
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          actorId: e.actorId,
          note: e.note,
          at: e.at.toISOString(),
        })),
    };
  });
}

/** Staff: every suggestion ranked by votes (then oldest first), optionally of one status. */
export async function rankedSuggestions(
  ctx: AppContext,
  actor: Actor,
  where: { status?: SuggestionStatus },
): Promise<StaffSuggestionView[]> {
  const db = ctx.database.db;
  const filter = where.status ? eq(cpdSuggestions.status, where.status) : undefined;
  return staffViews(db, await mostSupported(db, filter, asc(cpdSuggestions.createdAt)), actor.userId);
}

/**
 * Staff move a suggestion along (submitted → under_review → planned → published, any open one →
 * declined) with a note to the learner; the transition is logged and the learner is mailed.
 */
export async function changeSuggestionStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: StatusBody,
): Promise<StaffSuggestionView> {
  const db = ctx.database.db;
  const row = await load(db, id);
  if (!canTransition(row.status, body.status)) {
    const next = allowedNext(row.status);
    throw new AppError("invalid_input", "That status change is not allowed.", {
      fields: {
        status: next.length
          ? `cannot go from ${row.status} to ${body.status}; allowed: ${next.join(", ")}`
          : `cannot change a ${row.status} suggestion`,
      },
    });
  }
  const note = body.note ? body.note : null;
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(cpdSuggestions)
      .set({ status: body.status, staffNote: note ?? row.staffNote, updatedAt: now })
      .where(and(eq(cpdSuggestions.id, id), eq(cpdSuggestions.status, row.status)))
      .returning({ id: cpdSuggestions.id });
    if (updated.length === 0) throw new AppError("conflict", "The suggestion changed meanwhile; reload it.");
    await tx.insert(cpdSuggestionStatusLog).values({
      suggestionId: id,
      fromStatus: row.status,
      toStatus: body.status,
      actorId: actor.userId,
      note,
      at: now,
    });
    const [author] = await contactsOf(tx, [row.authorId]);
    if (author) {
      await ctx.mail.queue(tx as Tx, {
        to: author.email,
        subject: `Your CPD topic suggestion is ${LABEL[body.status]}`,
        text: [
          `Hello ${author.name},`,
          "",
          `Your suggestion "${row.title}" is now ${LABEL[body.status]}.`,
          ...(note ? ["", `Note from the Pulse team: ${note}`] : []),
          "",
          `${ctx.appUrl}/cpd/suggestions`,
        ].join("\n"),
      });
    }
  });
  const [view] = await staffViews(db, [await load(db, id)], actor.userId);
  return view as StaffSuggestionView;
}
