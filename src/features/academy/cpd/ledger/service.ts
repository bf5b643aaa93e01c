import { AppError } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db, Tx } from "../../../../platform/db/database.js";
import { localDate } from "../cycles/local-date.js";
import { cpdRecordChangedEvent } from "../events.js";
import type { CpdEntry, CpdEntryInput, RecordOutcome } from "./contract.js";
import * as store from "./store.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function programIdOf(db: Db, program: CpdEntryInput["program"]): Promise<string> {
  if ("id" in program) return program.id;
  const id = await store.programIdByKey(db, program.key);
  if (!id) throw new AppError("not_found", `Program ${program.key} was not found.`);
  return id;
}

/**
 * The one way CPD minutes enter the record (library, live events, workshops, paths, self-certification,
 * staff adjustments). Idempotent by `sourceKey`: a second call with the same key returns the entry
 * already recorded (`created: false`) and changes nothing, so an item can be added once and a redelivered
 * job records nothing twice. Runs in `tx` when given (the caller's transaction), else in its own.
 * An instant is dated on the learner's local day (their profile time zone).
 */
export async function recordCpdMinutes(
  ctx: AppContext,
  tx: Db | undefined,
  entry: CpdEntryInput,
): Promise<RecordOutcome> {
  if (!Number.isInteger(entry.minutes) || entry.minutes <= 0) {
    throw new AppError("invalid_input", "CPD minutes must be a whole number above zero.", {
      fields: { minutes: "must be a whole number above 0" },
    });
  }
  if (entry.sourceKey.trim() === "") {
    throw new AppError("invalid_input", "A CPD entry needs a source key.", { fields: { sourceKey: "is required" } });
  }
  const run = async (db: Db): Promise<RecordOutcome> => {
    await store.lockLearnerCpd(db, entry.userId);
    const existing = await store.findBySourceKey(db, entry.sourceKey);
    if (existing) return { entry: store.toEntry(existing), created: false };
    const occurredOn =
      typeof entry.occurredAt === "string"
        ? entry.occurredAt
        : localDate(entry.occurredAt, await store.timeZoneOf(db, entry.userId));
    if (!DATE.test(occurredOn)) {
      throw new AppError("invalid_input", "The CPD date is not a date.", { fields: { occurredAt: "must be a date" } });
    }
    const { row, created } = await store.insertEntry(db, {
      userId: entry.userId,
      programId: await programIdOf(db, entry.program),
      source: entry.source,
      sourceKey: entry.sourceKey,
      itemId: entry.itemId ?? null,
      title: entry.title,
      assetType: entry.assetType,
      activityType: entry.activityType,
      minutes: entry.minutes,
      occurredOn,
      statementId: entry.statementId ?? null,
      recordedBy: entry.recordedBy ?? null,
      note: entry.note ?? null,
      launchPath: entry.launchPath ?? null,
      meta: entry.meta ?? null,
      recordedAt: ctx.clock.now(),
    });
    if (created) await ctx.jobs.send(cpdRecordChangedEvent, { userId: entry.userId }, { tx: db as Tx });
    return { entry: store.toEntry(row), created };
  };
  return tx ? run(tx) : ctx.database.db.transaction((t) => run(t));
}

/**
 * Takes an entry's minutes back out of the record (a rejected audit): appends a reversal with the
 * original's source, date and negated minutes; the original stays. Reversing twice returns the first
 * reversal. Cycles are computed at read, so the cycle it counted toward is recomputed.
 */
export async function reverseCpdEntry(
  ctx: AppContext,
  tx: Db | undefined,
  input: { entryId: string; reason: string; recordedBy: string | null },
): Promise<RecordOutcome> {
  const run = async (db: Db): Promise<RecordOutcome> => {
    const original = await store.findEntry(db, input.entryId);
    if (!original) throw new AppError("not_found", "CPD entry was not found.");
    if (original.reversesEntryId) throw new AppError("conflict", "A reversal cannot be reversed.");
    await store.lockLearnerCpd(db, original.userId);
    const sourceKey = `reversal:${original.id}`;
    const existing = await store.findBySourceKey(db, sourceKey);
    if (existing) return { entry: store.toEntry(existing), created: false };
    const { row, created } = await store.insertEntry(db, {
      userId: original.userId,
      programId: original.programId,
      source: original.source,
      sourceKey,
      itemId: original.itemId,
      title: original.title,
      assetType: original.assetType,
      activityType: "reversed",
      minutes: -original.minutes,
      occurredOn: original.occurredOn,
      reversesEntryId: original.id,
      recordedBy: input.recordedBy,
      note: input.reason,
      recordedAt: ctx.clock.now(),
    });
    if (created) await ctx.jobs.send(cpdRecordChangedEvent, { userId: original.userId }, { tx: db as Tx });
    return { entry: store.toEntry(row), created };
  };
  return tx ? run(tx) : ctx.database.db.transaction((t) => run(t));
}

/** A learner's record for a program (reversals included), oldest first; `to` is exclusive. */
export async function cpdEntriesOf(
  ctx: AppContext,
  userId: string,
  program: CpdEntryInput["program"],
  range: { from?: string; to?: string } = {},
  db: Db = ctx.database.db,
): Promise<CpdEntry[]> {
  const programId = await programIdOf(db, program);
  return (await store.entriesOf(db, userId, programId, range)).map(store.toEntry);
}
