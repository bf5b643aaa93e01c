import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { AdminCredentialList, CredentialSummary, RevokeBody } from "../contract.js";
import * as store from "../store.js";
import { presentCredential } from "./present.js";

export async function listCredentialsForAdmin(
  ctx: AppContext,
  query: { q?: string; limit: number; offset: number },
): Promise<AdminCredentialList> {
  const { rows, total } = await store.listAllCredentials(
    ctx.database.db,
    query.q || undefined,
    query.limit,
    query.offset,
  );
  const now = ctx.clock.now();
  return {
    credentials: rows.map((r) => ({ ...presentCredential(ctx.appUrl, r, now), holderId: r.userId })),
    total,
  };
}

/**
 * Revokes a credential with a reason. The status list, the verify API, the evidence page and the
 * holder's list all read the same row, so the status changes everywhere at once. Revoking is final.
 */
export async function revokeCredential(
  ctx: AppContext,
  actor: Actor,
  credentialId: string,
  body: RevokeBody,
): Promise<CredentialSummary> {
  const db = ctx.database.db;
  const row = await store.findCredential(db, credentialId);
  if (!row) throw notFound("Credential");
  if (row.revokedAt) throw new AppError("conflict", "This credential is already revoked.");
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    await store.updateCredential(tx, row.id, {
      revokedAt: now,
      revokedReason: body.reason,
      revokedBy: actor.userId,
      updatedAt: now,
    });
    await store.appendEvent(tx, {
      credentialId: row.id,
      kind: "revoked",
      reason: body.reason,
      actorId: actor.userId,
      at: now,
    });
  });
  return presentCredential(ctx.appUrl, { ...row, revokedAt: now, revokedReason: body.reason }, now);
}
