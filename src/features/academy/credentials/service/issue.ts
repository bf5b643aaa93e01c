import type { AppContext } from "../../../../platform/context.js";
import { getMe } from "../../../accounts/identity/service.js";
import { ACHIEVEMENT_TYPES } from "../open-badge.js";
import { emailIdentityHash, newRecipientSalt } from "../recipient.js";
import type { CredentialRow } from "../store.js";
import * as store from "../store.js";
import { achievementFor, type CompletionObject } from "./achievements.js";
import { signCredential } from "./sign-credential.js";
import { signVcJwt } from "./signing-keys.js";

export type CompletionInput = {
  userId: string;
  /** What was completed: a module (badge, where the program gives module badges) or a level. */
  object: CompletionObject;
  objectId: string;
  /** When it was completed: the achievement date (a certification's recertification cycle starts here). */
  completedAt: Date | string;
  /** Set when staff award it by hand: recorded in the credential's history. */
  awardedBy?: string;
};

/**
 * Issues the credential a completion earns, at once: a module badge, a level certificate or the
 * certification. Idempotent: one credential per user and achievement, whatever the number of calls
 * (the completion events may be delivered more than once). Returns the credential, or null when the
 * completion earns none.
 */
export async function issueForCompletion(ctx: AppContext, input: CompletionInput): Promise<CredentialRow | null> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const completed = new Date(input.completedAt);
  const achievedAt = Number.isNaN(completed.getTime()) || completed > now ? now : completed;
  const spec = await achievementFor(db, input.object, input.objectId, achievedAt);
  if (!spec) return null;
  const existing = await store.findByAchievement(db, input.userId, spec.key);
  if (existing) return existing;

  const holder = (await getMe(db, input.userId, null)).user;
  const evidence = await spec.evidence(db, input.userId);
  const salt = newRecipientSalt();
  // Load (or create) the signing key before the transaction: PGlite has one connection.
  await signVcJwt(ctx, {});

  await db.transaction(async (tx) => {
    const inserted = await store.insertCredentialOnce(tx, {
      userId: input.userId,
      kind: spec.kind,
      achievementKey: spec.key,
      programId: spec.programId,
      levelId: spec.levelId,
      moduleId: spec.moduleId,
      title: spec.title,
      description: spec.description,
      criteria: spec.criteria,
      achievementType: ACHIEVEMENT_TYPES[spec.kind],
      evidence,
      recipientName: holder.name,
      recipientSalt: salt,
      achievedAt,
      issuedAt: now,
      validFrom: achievedAt,
      validUntil: spec.validUntil,
      jwt: "",
    });
    // Nothing inserted: another delivery of the same event issued it first.
    if (!inserted) return;
    const jwt = await signCredential(ctx, {
      id: inserted.id,
      kind: spec.kind,
      achievementId: spec.achievementId,
      title: spec.title,
      description: spec.description,
      criteria: spec.criteria,
      programTitle: spec.programTitle,
      recipient: { identityHash: emailIdentityHash(holder.email, salt), salt },
      evidence,
      validFrom: achievedAt,
      validUntil: spec.validUntil,
      issuedAt: now,
      statusIndex: inserted.statusIndex,
    });
    await store.updateCredential(tx, inserted.id, { jwt, updatedAt: now });
    await store.appendEvent(tx, {
      credentialId: inserted.id,
      kind: "issued",
      validUntil: spec.validUntil,
      actorId: input.awardedBy ?? null,
      reason: input.awardedBy ? "Awarded by Pulse Academy staff" : null,
      at: now,
    });
  });
  return (await store.findByAchievement(db, input.userId, spec.key)) ?? null;
}
