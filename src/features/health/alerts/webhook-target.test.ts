import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./webhook-target.js";

const REASON = "must not point to a private, loopback or link-local address";

describe("webhook targets", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.255.0.9", true],
    ["10.0.0.1", true],
    ["172.16.5.4", true],
    ["172.31.255.255", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["255.255.255.255", true],
    ["::1", true],
    ["::", true],
    ["fe80::1", true],
    ["fd12:3456::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["64:ff9b::a9fe:a9fe", true],
    ["8.8.8.8", false],
    ["172.32.0.1", false],
    ["100.128.0.1", false],
    ["2606:4700:4700::1111", false],
    ["::ffff:8.8.8.8", false],
    ["not-an-address", true],
    // IPv4 reserved, documentation, benchmarking and broadcast ranges
    ["192.0.0.8", true],
    ["192.0.2.10", true],
    ["198.18.0.1", true],
    ["203.0.113.9", true],
    ["240.0.0.1", true],
    // IPv4-compatible (::a.b.c.d): judged as the IPv4 address
    ["::127.0.0.1", true],
    ["::7f00:1", true],
    ["::10.0.0.1", true],
    ["::169.254.169.254", true],
    ["::8.8.8.8", false],
    // IPv4-mapped, in hex too
    ["::ffff:a9fe:a9fe", true],
    ["::ffff:0a00:0001", true],
    ["::ffff:808:808", false],
    // IPv4-translated (RFC 6145) is not a public address
    ["::ffff:0:7f00:1", true],
    // 6to4: the IPv4 address sits in bits 16-48
    ["2002:7f00:1::", true],
    ["2002:7f00:0001:0:0:0:0:1", true],
    ["2002:a00:1::1", true],
    ["2002:a9fe:a9fe::", true],
    ["2002:c0a8:101::", true],
    ["2002:808:808::1", false],
    // Teredo tunnels to an obfuscated client address: refused whatever it embeds
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", true],
    ["2001:0:808:808::f7f7:f7f7", true],
    // NAT64, well-known prefix (last 32 bits) and local-use 64:ff9b:1::/48 (every RFC 6052 position)
    ["64:ff9b::7f00:1", true],
    ["64:ff9b::10.0.0.1", true],
    ["64:ff9b::808:808", false],
    ["64:ff9b:1:7f00:1::", true],
    ["64:ff9b:1:0:7f:0:100::", true],
    ["64:ff9b:1::a00:1", true],
    ["64:ff9b:1:808:8:8:808:808", false],
    // Other special IPv6 ranges
    ["fec0::1", true],
    ["100::1", true],
    ["2001:db8::1", true],
    ["2001:2::1", true],
    ["ff02::1", true],
    ["fe80::1%eth0", true],
    ["2a00:1450:4001:82a::200e", false],
  ])("%s is private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("judges literal addresses and local names without resolving them", async () => {
    const resolve = async () => {
      throw new Error("must not resolve");
    };
    expect(await webhookUrlProblem("http://127.0.0.1:8080/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://[::1]/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://[::127.0.0.1]/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://[2002:7f00:1::]/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://[::ffff:169.254.169.254]/latest", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://[64:ff9b::a9fe:a9fe]/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://2130706433/x", resolve)).toBe(REASON); // 127.0.0.1 as one number
    expect(await webhookUrlProblem("http://0x7f.1/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("https://[2606:4700:4700::1111]/x", resolve)).toBeNull();
    expect(await webhookUrlProblem("http://localhost/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://api.localhost/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://metadata.google.internal/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("https://8.8.8.8/x", resolve)).toBeNull();
  });

  it("refuses a name when any of its addresses is private; accepts one that does not resolve yet", async () => {
    const dns = (map: Record<string, string[]>) => async (host: string) => {
      const found = map[host];
      if (!found) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
      return found;
    };
    const resolve = dns({
      "hooks.example.com": ["93.184.216.34"],
      "mixed.example.com": ["93.184.216.34", "10.0.0.8"],
      "v6.example.com": ["2606:2800:220:1::", "::127.0.0.1"],
    });
    expect(await webhookUrlProblem("https://v6.example.com/T1", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("https://hooks.example.com/T1", resolve)).toBeNull();
    expect(await webhookUrlProblem("https://mixed.example.com/T1", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("https://nowhere.example.com/T1", resolve)).toBeNull();
  });
});
