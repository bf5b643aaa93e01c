import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { AdminCredentialList, AwardBody, CredentialSummary, ReinstateBody, RevokeBody } from "../contract.js";
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
 * holder's list all read the same row, so the status changes everywhere at once. Staff can lift it later
 * with `reinstateCredential`.
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
 * Lifts a revocation with a reason (revoked by mistake, or the learner's case was resolved). The row's
 * revoked_* columns are cleared, so its bit in the status list is 0 again and the verify API, the evidence
 * page and the holder's list say "valid" (or "expired" once its validUntil passed). The signed VC-JWT is
 * not re-issued: it never changed, only its status list entry did, so the very JWT the holder already
 * shared verifies again. The history keeps the revocation and adds a "reinstated" entry with actor and
 * reason. A credential that is not revoked answers 409.
 */
export async function reinstateCredential(
  ctx: AppContext,
  actor: Actor,
  credentialId: string,
  body: ReinstateBody,
): Promise<CredentialSummary> {
  const db = ctx.database.db;
  const row = await store.findCredential(db, credentialId);
  if (!row) throw notFound("Credential");
  const notRevoked = () => new AppError("conflict", "This credential is not revoked: there is nothing to reinstate.");
  if (!row.revokedAt) throw notRevoked();
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    if (!(await store.clearRevocation(tx, row.id, now))) throw notRevoked();
    await store.appendEvent(tx, {
      credentialId: row.id,
      kind: "reinstated",
      reason: body.reason,
      actorId: actor.userId,
      at: now,
    });
  });
  return presentCredential(ctx.appUrl, { ...row, revokedAt: null, revokedReason: null, revokedBy: null }, now);
}

/**
 * Staff award the credential a module or level gives, as if it were just completed (the seed's Level 5
 * certificates are issued by training specialists). Same code as the completion events, so still one
 * credential per learner and achievement: awarding twice returns the one already issued, unless that one
 * is revoked: then 409, telling staff to reinstate it (awarding cannot lift a revocation silently).
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
  // A new credential is never revoked, so a revoked one is the learner's existing credential.
  if (issued.revokedAt) {
    throw new AppError(
      "conflict",
      `${issued.recipientName} already holds "${issued.title}", but it was revoked on ${issued.revokedAt.toISOString().slice(0, 10)} (${issued.revokedReason ?? "no reason given"}). Reinstate it from the credentials list instead of awarding it again.`,
    );
  }
  const view = await store.findCredential(db, issued.id);
  if (!view) throw notFound("Credential");
  return presentCredential(ctx.appUrl, view, ctx.clock.now());
}
