import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Webhook URLs must reach the public internet: a URL pointing at loopback, a private network, link-local
 * (cloud metadata at 169.254.169.254) or other special ranges would let an admin make Pulse call into
 * its own network. Checked when the URL is saved and again, on the resolved address, when sending.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
  ["100::", 64], // discard
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** IPv4 carried inside IPv6 (::ffff:a.b.c.d, ::a.b.c.d, NAT64 64:ff9b::/96) is judged as that IPv4 address. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = lower.match(/^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return dotted[1] ?? null;
  const hex = lower.match(/^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (!hex) return null;
  const [hi, lo] = [Number.parseInt(hex[1] ?? "0", 16), Number.parseInt(hex[2] ?? "0", 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** True for addresses a webhook must not reach: loopback, private, link-local, and other special ranges. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    return v4 ? blocked.check(v4, "ipv4") : blocked.check(address, "ipv6");
  }
  return true; // not an address at all: refuse rather than guess
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
