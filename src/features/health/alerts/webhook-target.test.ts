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
  ])("%s is private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("judges literal addresses and local names without resolving them", async () => {
    const resolve = async () => {
      throw new Error("must not resolve");
    };
    expect(await webhookUrlProblem("http://127.0.0.1:8080/x", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("http://[::1]/x", resolve)).toBe(REASON);
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
    const resolve = dns({ "hooks.example.com": ["93.184.216.34"], "mixed.example.com": ["93.184.216.34", "10.0.0.8"] });
    expect(await webhookUrlProblem("https://hooks.example.com/T1", resolve)).toBeNull();
    expect(await webhookUrlProblem("https://mixed.example.com/T1", resolve)).toBe(REASON);
    expect(await webhookUrlProblem("https://nowhere.example.com/T1", resolve)).toBeNull();
  });
});
