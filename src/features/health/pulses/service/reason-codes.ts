import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import type { CreateReasonCodeBody, ReasonCode, UpdateReasonCodeBody } from "../contract.js";
import { DEFAULT_REASON_CODES } from "../default-reason-codes.js";
import * as store from "../store.js";

const present = (row: store.ReasonCodeRow, usageCount: number): ReasonCode => ({
  id: row.id,
  code: row.code,
  label: row.label,
  category: row.category,
  kind: row.kind,
  retired: row.retiredAt !== null,
  usageCount,
});

/** Gives an organization the default reason codes the first time it needs them. */
export async function ensureReasonCodes(db: Db, orgId: string): Promise<void> {
  if ((await store.countReasonCodes(db, orgId)) > 0) return;
  await store.insertReasonCodes(
    db,
    DEFAULT_REASON_CODES.map((c) => ({ ...c, orgId })),
  );
}

export async function listReasonCodes(ctx: AppContext, orgId: string) {
  await ensureReasonCodes(ctx.database.db, orgId);
  const rows = await store.listReasonCodes(ctx.database.db, orgId);
  return { reasonCodes: rows.map((r) => present(r.code, r.usageCount)) };
}

export async function createReasonCode(ctx: AppContext, orgId: string, input: CreateReasonCodeBody) {
  await ensureReasonCodes(ctx.database.db, orgId);
  const [row] = await store.insertReasonCodes(ctx.database.db, [{ ...input, orgId }]);
  if (!row) {
    throw new AppError("conflict", `The code "${input.code}" already exists.`, { fields: { code: "already exists" } });
  }
  return present(row, 0);
}

/** Edits a code; "retired" hides it from new pulses while history keeps it. */
export async function updateReasonCode(ctx: AppContext, orgId: string, id: string, input: UpdateReasonCodeBody) {
  const { retired, ...fields } = input;
  const retiredAt = retired === undefined ? undefined : retired ? ctx.clock.now() : null;
  const row = await store.updateReasonCode(ctx.database.db, orgId, id, { ...fields, retiredAt });
  if (!row) throw notFound("Reason code");
  return present(row, await store.reasonCodeUsage(ctx.database.db, orgId, id));
}

/** Deletes an unused code; a code that was ever used is retired instead, so history keeps its meaning. */
export async function removeReasonCode(ctx: AppContext, orgId: string, id: string): Promise<"deleted" | "retired"> {
  const row = await store.findReasonCode(ctx.database.db, orgId, id);
  if (!row) throw notFound("Reason code");
  if ((await store.reasonCodeUsage(ctx.database.db, orgId, id)) > 0) {
    await store.updateReasonCode(ctx.database.db, orgId, id, { retiredAt: row.retiredAt ?? ctx.clock.now() });
    return "retired";
  }
  await store.deleteReasonCode(ctx.database.db, orgId, id);
  return "deleted";
}
