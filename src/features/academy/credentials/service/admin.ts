import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { AdminCredentialList, AwardBody, CredentialSummary, RevokeBody } from "../contract.js";
import * as store from "../store.js";
import { issueForCompletion } from "./issue.js";
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

/**
 * Staff award the credential a module or level gives, as if it were just completed (the seed's Level 5
 * certificates are issued by training specialists). Same code as the completion events, so still one
 * credential per learner and achievement: awarding twice returns the one already issued.
 */
export async function awardCredential(ctx: AppContext, actor: Actor, body: AwardBody): Promise<CredentialSummary> {
  const db = ctx.database.db;
  const objectId = await store.idByKey(db, body.object, body.key);
  if (!objectId) {
    throw new AppError("invalid_input", `There is no ${body.object} with this key.`, {
      fields: { key: "no such key" },
    });
  }
  const issued = await issueForCompletion(ctx, {
    userId: body.userId,
    object: body.object,
    objectId,
    completedAt: ctx.clock.now(),
    awardedBy: actor.userId,
  });
  if (!issued)
    throw new AppError("rule_broken", `This ${body.object} gives no credential.`, {
      fields: { key: "gives no credential" },
    });
  const view = await store.findCredential(db, issued.id);
  if (!view) throw notFound("Credential");
  return presentCredential(ctx.appUrl, view, ctx.clock.now());
}
