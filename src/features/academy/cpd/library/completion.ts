import { and, asc, eq, isNull } from "drizzle-orm";
import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { markPathsCompleted, stepOrderProblem } from "../paths/progress-store.js";
import { cpdPathSteps, cpdPaths } from "../paths/schema.js";
import { recordCpdMinutes } from "../service.js";
import { assertCpdOpen, CPD_PROGRAM_KEY } from "./access.js";
import type { CompleteItemBody, CompletionResult, LibraryItemDetail } from "./contract.js";
import { libraryCompletions, libraryItems } from "./schema.js";

type ItemRow = typeof libraryItems.$inferSelect;

const ACTIVITY: Record<ItemRow["format"], string> = {
  video: "watched",
  audio: "listened",
  article: "read",
  download: "downloaded",
  tool: "used",
};

/** Media items complete by playing to the end; everything else by being opened and confirmed. */
export const completeByOf = (item: Pick<ItemRow, "mediaSrc">) => (item.mediaSrc ? "played_to_end" : "confirmed");

async function liveItem(db: Db, itemId: string): Promise<ItemRow> {
  const [item] = await db
    .select()
    .from(libraryItems)
    .where(and(eq(libraryItems.id, itemId), isNull(libraryItems.archivedAt)));
  if (!item) throw notFound("Library item");
  return item;
}

const linkUrlOf = (link: string | null) => (!link ? null : link.startsWith("https://") ? link : `/downloads/${link}`);

/** An item's page: its content, how it completes, the caller's state and the paths it is a step of. */
export async function itemDetail(ctx: AppContext, actor: Actor, itemId: string): Promise<LibraryItemDetail> {
  const db = ctx.database.db;
  await assertCpdOpen(ctx, actor);
  const item = await liveItem(db, itemId);
  const [state] = await db
    .select()
    .from(libraryCompletions)
    .where(and(eq(libraryCompletions.userId, actor.userId), eq(libraryCompletions.itemId, itemId)));
  const paths = await db
    .select({ id: cpdPaths.id, title: cpdPaths.title, position: cpdPathSteps.position })
    .from(cpdPathSteps)
    .innerJoin(cpdPaths, eq(cpdPaths.id, cpdPathSteps.pathId))
    .where(and(eq(cpdPathSteps.itemId, itemId), isNull(cpdPathSteps.archivedAt), isNull(cpdPaths.archivedAt)))
    .orderBy(asc(cpdPaths.position));
  return {
    id: item.id,
    key: item.key,
    title: item.title,
    summary: item.summary,
    format: item.format,
    category: item.category,
    durationMinutes: item.durationMinutes,
    publishedOn: item.publishedOn,
    demo: item.demo,
    body: item.body,
    mediaUrl: item.mediaSrc ? `/media/${item.mediaSrc}` : null,
    linkUrl: linkUrlOf(item.link),
    completeBy: completeByOf(item),
    openedAt: state?.openedAt.toISOString() ?? null,
    completedAt: state?.completedAt?.toISOString() ?? null,
    paths: paths.map((p) => ({ ...p, position: p.position + 1 })),
  };
}

/** The learner opened the item (page shown, media started): the first time is kept. */
export async function openItem(ctx: AppContext, actor: Actor, itemId: string): Promise<LibraryItemDetail> {
  await assertCpdOpen(ctx, actor);
  await liveItem(ctx.database.db, itemId);
  await ctx.database.db
    .insert(libraryCompletions)
    .values({ userId: actor.userId, itemId, openedAt: ctx.clock.now() })
    .onConflictDoNothing();
  return itemDetail(ctx, actor, itemId);
}

/**
 * Completes an item once and adds its minutes to the CPD record once (ledger key
 * `library:<itemId>:<userId>`, source `paths` when completed as a path step, else `library`). Media must
 * be reported played to the end no sooner than half the file's length after it was opened (twice speed,
 * the fastest playback that counts, as lessons); other formats need to have been opened and confirmed.
 * A path step needs the enrolment and every earlier step completed. Completing again answers the first
 * completion with `added: false`.
 */
export async function completeItem(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  body: CompleteItemBody,
): Promise<CompletionResult> {
  await assertCpdOpen(ctx, actor);
  return ctx.database.db.transaction(async (tx) => {
    const item = await liveItem(tx, itemId);
    const [state] = await tx
      .select()
      .from(libraryCompletions)
      .where(and(eq(libraryCompletions.userId, actor.userId), eq(libraryCompletions.itemId, itemId)))
      .for("update");
    if (state?.completedAt) {
      const source = state.pathId ? "paths" : "library";
      return {
        itemId,
        completedAt: state.completedAt.toISOString(),
        added: false,
        source,
        minutes: item.durationMinutes,
      };
    }
    if (!state)
      throw new AppError("conflict", "Open the item before completing it.", { fields: { itemId: "not opened yet" } });
    const expected = completeByOf(item);
    if (body.evidence !== expected) {
      const message =
        expected === "played_to_end"
          ? "This item completes when it has played to the end."
          : "Confirm you have read or used this item.";
      throw new AppError("invalid_input", message, { fields: { evidence: `must be ${expected}` } });
    }
    const now = ctx.clock.now();
    if (expected === "played_to_end") {
      const earliest = state.openedAt.getTime() + ((item.mediaSeconds ?? 0) * 1000) / 2;
      if (now.getTime() < earliest)
        throw new AppError("conflict", "The media has not played long enough to have reached its end.", {
          fields: { evidence: "played for too short a time" },
        });
    }
    if (body.pathId) {
      const problem = await stepOrderProblem(tx, actor.userId, body.pathId, itemId);
      if (problem) throw new AppError("conflict", problem, { fields: { pathId: problem } });
    }
    const [done] = await tx
      .update(libraryCompletions)
      .set({ completedAt: now, evidence: body.evidence, pathId: body.pathId ?? null })
      .where(and(eq(libraryCompletions.id, state.id), isNull(libraryCompletions.completedAt)))
      .returning();
    if (!done?.completedAt) throw new AppError("conflict", "The item was completed at the same moment elsewhere.");
    const source = body.pathId ? "paths" : "library";
    await recordCpdMinutes(ctx, tx, {
      userId: actor.userId,
      program: { key: CPD_PROGRAM_KEY },
      source,
      sourceKey: `library:${itemId}:${actor.userId}`,
      itemId,
      title: item.title,
      assetType: item.format,
      activityType: ACTIVITY[item.format],
      minutes: item.durationMinutes,
      occurredAt: now,
      launchPath: body.pathId ? `/cpd/library/${itemId}?path=${body.pathId}` : `/cpd/library/${itemId}`,
    });
    await markPathsCompleted(tx, actor.userId, now);
    return { itemId, completedAt: done.completedAt.toISOString(), added: true, source, minutes: item.durationMinutes };
  });
}
