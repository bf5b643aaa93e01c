import { decodeJwt } from "jose";
import { AppError } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import { addMonths } from "../open-badge.js";
import type { CredentialRow } from "../store.js";
import * as store from "../store.js";
import { RECERTIFICATION_MONTHS } from "./achievements.js";
import { signCredential } from "./sign-credential.js";
import { signVcJwt } from "./signing-keys.js";

type SignedSubject = { credentialSubject?: { identifier?: { identityHash?: string; salt?: string }[] } };

/**
 * Recertification (for the CPD area): the learner logged the 40 CPD hours of the cycle that ends at
 * `cycleEnd`, so each of their certifications that expires (and is not revoked) is re-issued, same id,
 * with validUntil = cycleEnd + 12 months, re-signed, and a "renewed" entry in its history. The credential's
 * earlier VC-JWT stays valid until its own validUntil, then verifies as expired. A certification whose
 * validUntil is already at or past the new date is left alone, so calling this twice changes nothing.
 * Returns the renewed credentials.
 */
export async function renewCertification(ctx: AppContext, userId: string, cycleEnd: Date): Promise<CredentialRow[]> {
  if (Number.isNaN(cycleEnd.getTime())) {
    throw new AppError("invalid_input", "The cycle end is not a date.", { fields: { cycleEnd: "must be a date" } });
  }
  const db = ctx.database.db;
  const newUntil = addMonths(cycleEnd, RECERTIFICATION_MONTHS);
  const now = ctx.clock.now();
  const due = (await store.listUserCredentials(db, userId)).filter(
    (c) => c.kind === "certification" && c.validUntil && !c.revokedAt && c.validUntil < newUntil,
  );
  if (due.length === 0) return [];
  await signVcJwt(ctx, {}); // the key, before the transaction (PGlite has one connection)
  const renewed: CredentialRow[] = [];
  for (const row of due) {
    const identifier = (decodeJwt(row.jwt) as SignedSubject).credentialSubject?.identifier?.[0];
    if (!identifier?.identityHash || !identifier.salt) throw new Error(`Credential ${row.id} has no recipient hash`);
    const jwt = await signCredential(ctx, {
      id: row.id,
      kind: row.kind,
      achievementId: (row.levelId ?? row.moduleId) as string,
      title: row.title,
      description: row.description,
      criteria: row.criteria,
      programTitle: row.programTitle,
      recipient: { identityHash: identifier.identityHash, salt: identifier.salt },
      evidence: row.evidence,
      validFrom: row.validFrom,
      validUntil: newUntil,
      issuedAt: row.issuedAt,
      statusIndex: row.statusIndex,
    });
    await db.transaction(async (tx) => {
      await store.updateCredential(tx, row.id, { jwt, validUntil: newUntil, updatedAt: now });
      await store.appendEvent(tx, { credentialId: row.id, kind: "renewed", validUntil: newUntil, at: now });
    });
    renewed.push({ ...row, jwt, validUntil: newUntil, updatedAt: now });
  }
  return renewed;
}
