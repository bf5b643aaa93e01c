import type { AppContext } from "../../../../platform/context.js";
import { buildOpenBadgeCredential, type CredentialFacts, issuerId } from "../open-badge.js";
import { signVcJwt } from "./signing-keys.js";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The VC-JWT of a credential: the OpenBadgeCredential itself is the JWT payload (VC-JOSE-COSE, typ
 * vc+jwt), with the registered claims mirroring it (iss, jti, iat, nbf, exp when it expires).
 */
export async function signCredential(ctx: AppContext, facts: CredentialFacts): Promise<string> {
  const credential = buildOpenBadgeCredential(ctx, facts);
  return signVcJwt(ctx, {
    ...credential,
    iss: issuerId(ctx.issuerUrl),
    jti: credential.id,
    iat: seconds(facts.issuedAt),
    nbf: seconds(facts.validFrom),
    ...(facts.validUntil ? { exp: seconds(facts.validUntil) } : {}),
  });
}
