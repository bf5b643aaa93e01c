import type { AppContext } from "../../../../platform/context.js";
import { buildStatusListCredential, issuerId } from "../open-badge.js";
import { encodeStatusList, STATUS_LIST_SIZE } from "../status-list.js";
import * as store from "../store.js";
import { signVcJwt } from "./signing-keys.js";

/**
 * A revocation status list as a signed BitstringStatusListCredential (VC-JWT), built from the
 * credentials' current revocations, so a revocation shows in the list the moment it is saved.
 * Returns null for a list number no credential uses yet.
 */
export async function statusListJwt(ctx: AppContext, list: number): Promise<string | null> {
  const db = ctx.database.db;
  const from = list * STATUS_LIST_SIZE;
  if (from > (await store.maxStatusIndex(db)) && list > 0) return null;
  const revoked = await store.revokedIndexes(db, from, from + STATUS_LIST_SIZE);
  const encoded = encodeStatusList(revoked.map((i) => i - from));
  const now = ctx.clock.now();
  const credential = buildStatusListCredential(ctx, list, encoded, now);
  return signVcJwt(ctx, {
    ...credential,
    iss: issuerId(ctx.issuerUrl),
    jti: credential.id,
    iat: Math.floor(now.getTime() / 1000),
  });
}
