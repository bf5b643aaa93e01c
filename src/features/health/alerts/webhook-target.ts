import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Webhook URLs must reach the public internet: a URL pointing at loopback, a private network, link-local
 * (cloud metadata at 169.254.169.254) or other special ranges would let an admin make Pulse call into
 * its own network. Checked when the URL is saved and again, on the resolved address, when sending.
 *
 * The ranges are ipaddr.js's classification (IANA special-purpose registries): only `unicast` passes.
 * IPv6 forms that carry an IPv4 address are judged by that address: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), 6to4 (2002:aabb:ccdd::/16) and NAT64 (64:ff9b::/96, and every RFC 6052
 * position within the local-use 64:ff9b:1::/48). Teredo (2001::/32) tunnels to an obfuscated client
 * address behind any NAT and is refused outright.
 */
const publicV4 = (v4: ipaddr.IPv4) => v4.range() === "unicast";
const v4At = (bytes: number[], offset: number) => new ipaddr.IPv4(bytes.slice(offset, offset + 4));

/** RFC 6052 §2.2: where a prefix of this length puts the IPv4 address (bits 64-71 are skipped). */
function nat64Embedded(bytes: number[], prefixLength: 48 | 56 | 64 | 96): ipaddr.IPv4 {
  const skipU = (from: number, to: number) => bytes.slice(from, to).filter((_, i) => from + i !== 8);
  if (prefixLength === 96) return v4At(bytes, 12);
  const start = prefixLength / 8;
  return new ipaddr.IPv4(skipU(start, start + 5).slice(0, 4));
}

/** The IPv4 addresses an IPv6 address carries (its routes lead there), [] when it carries none. */
function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4[] {
  const bytes = v6.toByteArray();
  const range = v6.range();
  if (range === "ipv4Mapped") return [v6.toIPv4Address()];
  if (bytes.slice(0, 12).every((b) => b === 0)) return [v4At(bytes, 12)]; // IPv4-compatible, ::1 and :: too
  if (range === "6to4") return [v4At(bytes, 2)];
  if (range === "rfc6052") {
    if (v6.parts[2] !== 1) return [v4At(bytes, 12)]; // 64:ff9b::/96
    return ([48, 56, 64, 96] as const).map((length) => nat64Embedded(bytes, length));
  }
  return [];
}

/** True for addresses a webhook must not reach: anything but a public unicast address, however written. */
export function isPrivateAddress(address: string): boolean {
  if (!isIP(address)) return true; // not an address at all: refuse rather than guess
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return !publicV4(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  if (v6.range() === "teredo") return true;
  const carried = embeddedIpv4(v6);
  if (carried.length) return !carried.every(publicV4);
  return v6.range() !== "unicast";
}

export type ResolveHost = (hostname: string) => Promise<string[]>;
export const resolveHost: ResolveHost = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

const PRIVATE_REASON = "must not point to a private, loopback or link-local address";

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Why a webhook URL may not be saved, or null when it may. Literal addresses and local names are judged
 * directly; other names are resolved, and refused when any address is private. A name that does not
 * resolve now is accepted (it is checked again when an alert is sent).
 */
export async function webhookUrlProblem(raw: string, resolve: ResolveHost = resolveHost): Promise<string | null> {
  const url = new URL(raw);
  const host = hostOf(url).toLowerCase().replace(/\.$/, "");
  if (isIP(host)) return isPrivateAddress(host) ? PRIVATE_REASON : null;
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal")) return PRIVATE_REASON;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return null;
  }
  return addresses.some(isPrivateAddress) ? PRIVATE_REASON : null;
}
