import { and, asc, count, desc, eq, gte, inArray, isNull, lt, max, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { userNameOf } from "../../accounts/identity/service.js";
import { clients, usageFigures } from "../clients/schema.js";
import { lockClientHistory } from "../clients/store.js";
import { touchSnapshotDays, utcDay } from "../snapshots/store.js";
import { pulseEntries, pulseEntryReasons, reasonCodes, scoreFormulas, successScores } from "./schema.js";
import type { ScoreFormula } from "./success-score.js";

export type ReasonCodeRow = typeof reasonCodes.$inferSelect;
export type PulseEntryRow = typeof pulseEntries.$inferSelect;

export async function listReasonCodes(db: Db, orgId: string) {
  const used = db
    .select({ reasonCodeId: pulseEntryReasons.reasonCodeId, n: count().as("n") })
    .from(pulseEntryReasons)
    .where(eq(pulseEntryReasons.orgId, orgId))
    .groupBy(pulseEntryReasons.reasonCodeId)
    .as("used");
  return db
    .select({ code: reasonCodes, usageCount: sql<number>`coalesce(${used.n}, 0)`.mapWith(Number) })
    .from(reasonCodes)
    .leftJoin(used, eq(used.reasonCodeId, reasonCodes.id))
    .where(eq(reasonCodes.orgId, orgId))
    .orderBy(asc(reasonCodes.category), asc(reasonCodes.label));
}

export async function countReasonCodes(db: Db, orgId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reasonCodes).where(eq(reasonCodes.orgId, orgId));
  return Number(row?.n ?? 0);
}

export async function insertReasonCodes(db: Db, rows: (typeof reasonCodes.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(reasonCodes).values(rows).onConflictDoNothing().returning();
}

export async function findReasonCode(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(reasonCodes)
    .where(and(eq(reasonCodes.orgId, orgId), eq(reasonCodes.id, id)));
  return row;
}

export async function findReasonCodes(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(reasonCodes)
    .where(and(eq(reasonCodes.orgId, orgId), inArray(reasonCodes.id, ids)));
}

export async function updateReasonCode(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof reasonCodes.$inferInsert>,
) {
  const [row] = await db
    .update(reasonCodes)
    .set(values)
    .where(and(eq(reasonCodes.orgId, orgId), eq(reasonCodes.id, id)))
    .returning();
  return row;
}

export async function deleteReasonCode(db: Db, orgId: string, id: string) {
  await db.delete(reasonCodes).where(and(eq(reasonCodes.orgId, orgId), eq(reasonCodes.id, id)));
}

export async function reasonCodeUsage(db: Db, orgId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pulseEntryReasons)
    .where(and(eq(pulseEntryReasons.orgId, orgId), eq(pulseEntryReasons.reasonCodeId, id)));
  return Number(row?.n ?? 0);
}

/** Appends an entry with its reasons and rewrites the client's spans; call it inside a transaction. */
export async function insertPulseEntry(db: Db, values: typeof pulseEntries.$inferInsert, reasonIds: string[]) {
  const [entry] = await db
    .insert(pulseEntries)
    .values({ ...values, reasonCodeIds: reasonIds })
    .returning();
  const row = entry as PulseEntryRow;
  if (reasonIds.length) {
    await db
      .insert(pulseEntryReasons)
      .values(
        reasonIds.map((reasonCodeId, position) => ({ entryId: row.id, orgId: row.orgId, reasonCodeId, position })),
      );
  }
  await refreshPulseSpans(db, row.clientId);
  // The "as of" snapshot of every day from the entry's (or the corrected entry's) day on may have changed.
  const corrected = row.correctsEntryId
    ? await findPulseEntry(db, row.orgId, row.clientId, row.correctsEntryId)
    : undefined;
  const touched = corrected && corrected.effectiveAt < row.effectiveAt ? corrected.effectiveAt : row.effectiveAt;
  await touchSnapshotDays(db, row.orgId, utcDay(touched));
  // The span was rewritten after the insert returned: leave it out rather than hand back a stale one.
  const { validUntil: _stale, ...inserted } = row;
  return inserted;
}

/**
 * Rewrites valid_until for one client's entries from its history: each uncorrected entry lasts until the
 * next uncorrected one by (effective_at, recorded_at, id), the newest has none, and a corrected entry gets
 * an empty span. A back-dated pulse or a correction can change earlier spans, so the whole (short)
 * history is recomputed and only the rows that change are written. The client's row is locked first:
 * appends to one history take turns, and each recomputation (a new statement, so a new snapshot under
 * READ COMMITTED) sees every entry committed before it.
 */
export async function refreshPulseSpans(db: Db, clientId: string) {
  await lockClientHistory(db, clientId);
  await db.execute(sql`
    with marked as (
      select e.id, e.effective_at, e.recorded_at,
        not exists (select 1 from pulse_entries x where x.corrects_entry_id = e.id) as live
      from pulse_entries e where e.client_id = ${clientId}),
    spans as (
      select id, case when live then lead(effective_at) over (partition by live order by effective_at, recorded_at, id)
                      else effective_at end as until
      from marked)
    update pulse_entries e set valid_until = spans.until from spans
    where spans.id = e.id and e.valid_until is distinct from spans.until`);
}

export async function findPulseEntry(db: Db, orgId: string, clientId: string, entryId: string) {
  const [row] = await db
    .select()
    .from(pulseEntries)
    .where(and(eq(pulseEntries.orgId, orgId), eq(pulseEntries.clientId, clientId), eq(pulseEntries.id, entryId)));
  return row;
}

export async function findCorrectionOf(db: Db, orgId: string, entryId: string) {
  const [row] = await db
    .select({ id: pulseEntries.id })
    .from(pulseEntries)
    .where(and(eq(pulseEntries.orgId, orgId), eq(pulseEntries.correctsEntryId, entryId)));
  return row?.id;
}

/** Every entry of a client, newest effective first, with who recorded it. */
export async function listPulseEntries(db: Db, orgId: string, clientId: string) {
  return db
    .select({ entry: pulseEntries, recordedByName: userNameOf(pulseEntries.recordedBy) })
    .from(pulseEntries)
    .where(and(eq(pulseEntries.orgId, orgId), eq(pulseEntries.clientId, clientId)))
    .orderBy(desc(pulseEntries.effectiveAt), desc(pulseEntries.recordedAt));
}

export async function listEntryReasons(db: Db, orgId: string, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  return db
    .select({ entryId: pulseEntryReasons.entryId, position: pulseEntryReasons.position, code: reasonCodes })
    .from(pulseEntryReasons)
    .innerJoin(reasonCodes, and(eq(reasonCodes.id, pulseEntryReasons.reasonCodeId), eq(reasonCodes.orgId, orgId)))
    .where(and(eq(pulseEntryReasons.orgId, orgId), inArray(pulseEntryReasons.entryId, entryIds)))
    .orderBy(asc(pulseEntryReasons.position));
}

/** The client's current pulse: the newest entry that no later entry corrects, i.e. the one whose span is still open. */
export async function findCurrentPulse(db: Db, orgId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(pulseEntries)
    .where(and(eq(pulseEntries.orgId, orgId), eq(pulseEntries.clientId, clientId), isNull(pulseEntries.validUntil)));
  return row;
}

/** Caches the client's current pulse (rank, time, entry and its reason codes) for lists, reports and segments. */
export async function setCurrentPulse(db: Db, orgId: string, clientId: string, entry: PulseEntryRow | undefined) {
  await db
    .update(clients)
    .set({
      currentPulseRank: entry?.rank ?? null,
      currentPulseAt: entry?.effectiveAt ?? null,
      currentPulseEntryId: entry?.id ?? null,
      currentReasonCodeIds: entry?.reasonCodeIds ?? [],
    })
    .where(and(eq(clients.orgId, orgId), eq(clients.id, clientId)));
}

export async function latestFormula(db: Db, orgId: string): Promise<ScoreFormula | undefined> {
  const [row] = await db
    .select()
    .from(scoreFormulas)
    .where(eq(scoreFormulas.orgId, orgId))
    .orderBy(desc(scoreFormulas.version))
    .limit(1);
  return row?.formula;
}

export async function insertFormula(db: Db, orgId: string, formula: ScoreFormula, createdBy: string) {
  await db.insert(scoreFormulas).values({ orgId, version: formula.version, formula, createdBy });
}

export async function maxFormulaVersion(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ v: max(scoreFormulas.version) })
    .from(scoreFormulas)
    .where(eq(scoreFormulas.orgId, orgId));
  return row?.v ?? 0;
}

/** Weekly figures of one metric, oldest first, for the 12 weeks before `before`. */
export async function weeklyUsage(db: Db, orgId: string, clientId: string, metric: string, since: string) {
  const rows = await db
    .select({ weekStart: usageFigures.weekStart, value: usageFigures.value })
    .from(usageFigures)
    .where(
      and(
        eq(usageFigures.orgId, orgId),
        eq(usageFigures.clientId, clientId),
        eq(usageFigures.metric, metric),
        gte(usageFigures.weekStart, since),
      ),
    )
    .orderBy(asc(usageFigures.weekStart));
  return rows;
}

/** The newest value of each metric for a client. */
export async function latestMetrics(db: Db, orgId: string, clientId: string, metrics: string[]) {
  if (metrics.length === 0) return {};
  const rows = await db
    .selectDistinctOn([usageFigures.metric], { metric: usageFigures.metric, value: usageFigures.value })
    .from(usageFigures)
    .where(
      and(eq(usageFigures.orgId, orgId), eq(usageFigures.clientId, clientId), inArray(usageFigures.metric, metrics)),
    )
    .orderBy(usageFigures.metric, desc(usageFigures.weekStart));
  return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
}

export async function upsertScore(db: Db, values: typeof successScores.$inferInsert) {
  await db
    .insert(successScores)
    .values(values)
    .onConflictDoUpdate({
      target: [successScores.clientId, successScores.day, successScores.formulaVersion],
      set: {
        score: values.score,
        band: values.band,
        capped: values.capped,
        needsReview: values.needsReview,
        components: values.components,
      },
    });
}

export async function scoreHistory(db: Db, orgId: string, clientId: string, formulaVersion: number, since: string) {
  return db
    .select()
    .from(successScores)
    .where(
      and(
        eq(successScores.orgId, orgId),
        eq(successScores.clientId, clientId),
        eq(successScores.formulaVersion, formulaVersion),
        gte(successScores.day, since),
      ),
    )
    .orderBy(asc(successScores.day));
}

export async function previousScore(db: Db, orgId: string, clientId: string, formulaVersion: number, before: string) {
  const [row] = await db
    .select()
    .from(successScores)
    .where(
      and(
        eq(successScores.orgId, orgId),
        eq(successScores.clientId, clientId),
        eq(successScores.formulaVersion, formulaVersion),
        lt(successScores.day, before),
      ),
    )
    .orderBy(desc(successScores.day))
    .limit(1);
  return row;
}

export async function listActiveClientIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.orgId, orgId), isNull(clients.archivedAt)));
  return rows.map((r) => r.id);
}

export async function listOrgIdsWithClients(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: clients.orgId }).from(clients).where(isNull(clients.archivedAt));
  return rows.map((r) => r.orgId);
}

export async function findFormula(db: Db, orgId: string, version: number): Promise<ScoreFormula | undefined> {
  const [row] = await db
    .select()
    .from(scoreFormulas)
    .where(and(eq(scoreFormulas.orgId, orgId), eq(scoreFormulas.version, version)));
  return row?.formula;
}

/** Every pulse of a client that no later entry corrects, oldest first. */
export async function uncorrectedPulses(db: Db, orgId: string, clientId: string) {
  return db
    .select({ rank: pulseEntries.rank, effectiveAt: pulseEntries.effectiveAt })
    .from(pulseEntries)
    .where(
      and(
        eq(pulseEntries.orgId, orgId),
        eq(pulseEntries.clientId, clientId),
        sql`not exists (select 1 from pulse_entries c where c.corrects_entry_id = ${pulseEntries.id})`,
      ),
    )
    .orderBy(asc(pulseEntries.effectiveAt));
}

export async function usageFacts(db: Db, orgId: string, clientId: string, metrics: string[], since: string) {
  if (metrics.length === 0) return [];
  return db
    .select({ metric: usageFigures.metric, weekStart: usageFigures.weekStart, value: usageFigures.value })
    .from(usageFigures)
    .where(
      and(
        eq(usageFigures.orgId, orgId),
        eq(usageFigures.clientId, clientId),
        inArray(usageFigures.metric, metrics),
        gte(usageFigures.weekStart, since),
      ),
    );
}
