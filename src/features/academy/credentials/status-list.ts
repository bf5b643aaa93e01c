import { gunzipSync, gzipSync } from "node:zlib";

/**
 * W3C Bitstring Status List v1.0: one bit per credential (1 = revoked), index 0 the most significant bit
 * of the first byte; `encodedList` is the multibase (prefix "u", base64url without padding) of the
 * GZIP-compressed bitstring. A list holds at least 131,072 entries (16 KB), which the spec asks for privacy.
 */
export const STATUS_LIST_SIZE = 131_072;

/** Which list and which bit in it a credential's status index falls in. */
export function statusPosition(statusIndex: number): { list: number; index: number } {
  if (!Number.isInteger(statusIndex) || statusIndex < 0) throw new Error(`Bad status index ${statusIndex}`);
  return { list: Math.floor(statusIndex / STATUS_LIST_SIZE), index: statusIndex % STATUS_LIST_SIZE };
}

/** The bitstring with the given bits set, gzip-compressed and multibase-encoded. */
export function encodeStatusList(setBits: Iterable<number>, size = STATUS_LIST_SIZE): string {
  if (size % 8 !== 0) throw new Error("A status list's size must be a multiple of 8");
  const bytes = new Uint8Array(size / 8);
  for (const bit of setBits) {
    if (!Number.isInteger(bit) || bit < 0 || bit >= size) throw new Error(`Bit ${bit} is outside the list`);
    bytes[bit >> 3] = (bytes[bit >> 3] as number) | (0x80 >> (bit & 7));
  }
  return `u${gzipSync(bytes).toString("base64url")}`;
}

/** The raw bitstring of an encoded list. */
export function decodeStatusList(encoded: string): Uint8Array {
  if (!encoded.startsWith("u")) throw new Error("encodedList must be multibase base64url (prefix u)");
  return new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), "base64url")));
}

/** Is bit `index` set in the decoded bitstring? */
export function bitIsSet(bitstring: Uint8Array, index: number): boolean {
  if (index < 0 || index >= bitstring.length * 8) throw new Error(`Bit ${index} is outside the list`);
  return (((bitstring[index >> 3] as number) >> (7 - (index & 7))) & 1) === 1;
}
