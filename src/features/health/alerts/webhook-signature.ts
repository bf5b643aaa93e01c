import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Pulse-Signature";

/** `sha256=<hex>`: the HMAC-SHA256 of the exact body bytes, keyed with the organization's webhook secret. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifyWebhookSignature(body: string, secret: string, signature: string): boolean {
  const expected = Buffer.from(signWebhookBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
