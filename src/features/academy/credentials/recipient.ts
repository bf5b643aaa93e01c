import { createHash, randomBytes } from "node:crypto";

/** A fresh salt for one credential's recipient hash. */
export const newRecipientSalt = (): string => randomBytes(16).toString("hex");

/**
 * Open Badges 3.0 IdentityObject hash: "sha256$" + hex SHA-256 of the identity followed by the salt.
 * The email is trimmed and lower-cased first, so a verifier typing it in any case gets the same hash.
 */
export function emailIdentityHash(email: string, salt: string): string {
  const normalized = email.trim().toLowerCase();
  return `sha256$${createHash("sha256")
    .update(normalized + salt)
    .digest("hex")}`;
}
