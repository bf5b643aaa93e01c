import { notFound } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import { getClient } from "../../clients/service.js";
import type { PulseEntry, PulseHistory } from "../contract.js";
import { levelOfRank } from "../pulse-levels.js";
import * as store from "../store.js";

/** The client's pulse timeline, newest first, each entry with its reasons and corrections. */
export async function pulseHistory(ctx: AppContext, orgId: string, clientId: string): Promise<PulseHistory> {
  await getClient(ctx, orgId, clientId);
  const rows = await store.listPulseEntries(ctx.database.db, orgId, clientId);
  const reasons = await store.listEntryReasons(
    ctx.database.db,
    orgId,
    rows.map((r) => r.entry.id),
  );
  const correctedBy = new Map(
    rows.filter((r) => r.entry.correctsEntryId).map((r) => [r.entry.correctsEntryId, r.entry.id]),
  );
  const entries: PulseEntry[] = rows.map(({ entry, recordedByName }) => ({
    id: entry.id,
    level: levelOfRank(entry.rank),
    rank: entry.rank,
    note: entry.note,
    reasons: reasons
      .filter((r) => r.entryId === entry.id)
      .map((r) => ({ id: r.code.id, code: r.code.code, label: r.code.label, kind: r.code.kind })),
    effectiveAt: entry.effectiveAt.toISOString(),
    recordedAt: entry.recordedAt.toISOString(),
    recordedBy: recordedByName,
    correctsEntryId: entry.correctsEntryId,
    correctedByEntryId: correctedBy.get(entry.id) ?? null,
  }));
  return { entries };
}

export async function getPulseEntry(ctx: AppContext, orgId: string, clientId: string, entryId: string) {
  const { entries } = await pulseHistory(ctx, orgId, clientId);
  const entry = entries.find((e) => e.id === entryId);
  if (!entry) throw notFound("Pulse entry");
  return entry;
}
