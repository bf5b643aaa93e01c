import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Tx } from "../../../../platform/db/database.js";
import { getClient } from "../../clients/service.js";
import { lockClientHistory } from "../../clients/store.js";
import type { SetPulseBody as SetPulseInput } from "../contract.js";
import { SetPulseBody } from "../contract.js";
import { pulseSetEvent } from "../events.js";
import { pulseRank } from "../pulse-levels.js";
import * as store from "../store.js";
import { ensureReasonCodes } from "./reason-codes.js";
import { refreshScore } from "./success-score.js";

const FUTURE_TOLERANCE_MS = 5 * 60_000;

async function checkReasons(tx: Tx, orgId: string, ids: string[], allowRetired: Set<string>) {
  if (new Set(ids).size !== ids.length) {
    throw new AppError("invalid_input", "Each reason can be given once.", {
      fields: { reasonCodeIds: "has duplicates" },
    });
  }
  const found = await store.findReasonCodes(tx, orgId, ids);
  const byId = new Map(found.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const code = byId.get(id);
    if (!code) {
      throw new AppError("invalid_input", "A reason code does not exist in this organization.", {
        fields: { [`reasonCodeIds.${i}`]: "is not one of this organization's reason codes" },
      });
    }
    if (code.retiredAt && !allowRetired.has(id)) {
      throw new AppError("invalid_input", `The reason "${code.label}" is retired and cannot be used for new pulses.`, {
        fields: { [`reasonCodeIds.${i}`]: "is retired" },
      });
    }
  });
}

/** Appends a pulse entry (or a correction, dated like the entry it corrects unless effectiveAt is given), refreshes the client's current pulse and score, and emits pulse.set. */
export async function recordPulse(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  clientId: string,
  input: SetPulseInput,
) {
  const body = SetPulseBody.parse(input);
  const now = ctx.clock.now();
  const given = body.effectiveAt ? new Date(body.effectiveAt) : undefined;
  if (given && given.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new AppError("invalid_input", "A pulse cannot take effect in the future.", {
      fields: { effectiveAt: "is in the future" },
    });
  }
  await getClient(ctx, orgId, clientId);
  await ensureReasonCodes(ctx.database.db, orgId);
  const entryId = await ctx.database.db.transaction(async (tx) => {
    // The client's row lock comes first, before any read or write of its history (see lockClientHistory).
    await lockClientHistory(tx, clientId);
    let keepRetired = new Set<string>();
    // A new pulse takes effect now; a correction on the corrected entry's date, unless told otherwise,
    // so fixing an old entry never makes it the current pulse.
    let effectiveAt = given ?? now;
    if (body.correctsEntryId) {
      const target = await store.findPulseEntry(tx, orgId, clientId, body.correctsEntryId);
      if (!target) throw notFound("Pulse entry to correct");
      effectiveAt = given ?? target.effectiveAt;
      if (await store.findCorrectionOf(tx, orgId, target.id)) {
        throw new AppError("conflict", "That entry was already corrected; correct the newer entry instead.", {
          fields: { correctsEntryId: "was already corrected" },
        });
      }
      // A correction may keep the reasons of the entry it corrects, even retired ones.
      keepRetired = new Set((await store.listEntryReasons(tx, orgId, [target.id])).map((r) => r.code.id));
    }
    await checkReasons(tx, orgId, body.reasonCodeIds, keepRetired);
    const entry = await store.insertPulseEntry(
      tx,
      {
        orgId,
        clientId,
        rank: pulseRank(body.level),
        note: body.note,
        effectiveAt,
        recordedAt: now,
        recordedBy: actor.userId,
        correctsEntryId: body.correctsEntryId ?? null,
      },
      body.reasonCodeIds,
    );
    const current = await store.findCurrentPulse(tx, orgId, clientId);
    await store.setCurrentPulse(tx, orgId, clientId, current);
    await refreshScore(tx, ctx, orgId, clientId);
    await ctx.jobs.send(
      pulseSetEvent,
      { orgId, clientId, entryId: entry.id, rank: entry.rank, recordedBy: actor.userId },
      { tx },
    );
    return entry.id;
  });
  return entryId;
}
