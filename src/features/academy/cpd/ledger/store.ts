import { and, asc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { userTimeZoneOf } from "../../../accounts/identity/service.js";
import { programs } from "../../catalog/schema.js";
import type { CpdEntry } from "./contract.js";
import { cpdEntries } from "./schema.js";

export type CpdEntryRow = typeof cpdEntries.$inferSelect;
export type NewCpdEntry = typeof cpdEntries.$inferInsert;

/** Inserts unless the source key is taken; returns the row that holds the key and whether it was new. */
export async function insertEntry(db: Db, row: NewCpdEntry): Promise<{ row: CpdEntryRow; created: boolean }> {
  const [inserted] = await db.insert(cpdEntries).values(row).onConflictDoNothing().returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db.select().from(cpdEntries).where(eq(cpdEntries.sourceKey, row.sourceKey));
  if (!existing) throw new Error(`CPD entry ${row.sourceKey} neither inserted nor found`);
  return { row: existing, created: false };
}

export async function findEntry(db: Db, id: string): Promise<CpdEntryRow | undefined> {
  const [row] = await db.select().from(cpdEntries).where(eq(cpdEntries.id, id));
  return row;
}

export async function findBySourceKey(db: Db, sourceKey: string): Promise<CpdEntryRow | undefined> {
  const [row] = await db.select().from(cpdEntries).where(eq(cpdEntries.sourceKey, sourceKey));
  return row;
}

/** A learner's entries for a program (reversals included), oldest first, optionally within [from, to). */
export async function entriesOf(
  db: Db,
  userId: string,
  programId: string,
  range: { from?: string; to?: string } = {},
): Promise<CpdEntryRow[]> {
  const where: SQL[] = [eq(cpdEntries.userId, userId), eq(cpdEntries.programId, programId)];
  if (range.from) where.push(gte(cpdEntries.occurredOn, range.from));
  if (range.to) where.push(lt(cpdEntries.occurredOn, range.to));
  return db
    .select()
    .from(cpdEntries)
    .where(and(...where))
    .orderBy(asc(cpdEntries.occurredOn), asc(cpdEntries.recordedAt), asc(cpdEntries.id));
}

export async function programIdByKey(db: Db, key: string): Promise<string | undefined> {
  const [row] = await db.select({ id: programs.id }).from(programs).where(eq(programs.key, key));
  return row?.id;
}

export async function programKeyById(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ key: programs.key }).from(programs).where(eq(programs.id, id));
  return row?.key;
}

export async function timeZoneOf(db: Db, userId: string): Promise<string> {
  const result = (await db.execute(sql`select ${userTimeZoneOf(sql`${userId}::uuid`)} as tz`)) as unknown as {
    rows: { tz: string | null }[];
  };
  return result.rows[0]?.tz ?? "UTC";
}

/** Serializes a learner's CPD writes (idempotent keys settle races; this keeps reversals ordered too). */
export async function lockLearnerCpd(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cpd:' || ${userId}))`);
}

export const toEntry = (row: CpdEntryRow): CpdEntry => ({
  id: row.id,
  userId: row.userId,
  programId: row.programId,
  source: row.source,
  sourceKey: row.sourceKey,
  itemId: row.itemId,
  title: row.title,
  assetType: row.assetType,
  activityType: row.activityType,
  minutes: row.minutes,
  occurredOn: row.occurredOn,
  statementId: row.statementId,
  reversesEntryId: row.reversesEntryId,
  recordedBy: row.recordedBy,
  note: row.note,
  launchPath: row.launchPath,
  recordedAt: row.recordedAt,
});
