import { describe, expect, it } from "vitest";
import { statusOf } from "./service/present.js";
import { extractJws } from "./service/verify.js";

describe("what the verify page accepts", () => {
  it("takes the JWT, a data: URL or the downloaded envelope JSON", () => {
    expect(extractJws("  a.b.c \n")).toBe("a.b.c");
    expect(extractJws("data:application/vc+jwt,a.b.c")).toBe("a.b.c");
    expect(
      extractJws(JSON.stringify({ type: "EnvelopedVerifiableCredential", id: "data:application/vc+jwt,a.b.c" })),
    ).toBe("a.b.c");
  });

  it("refuses JSON that is not an envelope", () => {
    expect(extractJws('{"id":"urn:uuid:1"}')).toBeNull();
    expect(extractJws("{not json")).toBeNull();
  });
});

describe("a credential's status", () => {
  const now = new Date("2027-03-02T08:00:00Z");
  it("is revoked before expired, expired from validUntil on, else valid", () => {
    expect(statusOf({ revokedAt: new Date(0), validUntil: new Date(0) }, now)).toBe("revoked");
    expect(statusOf({ revokedAt: null, validUntil: now }, now)).toBe("expired");
    expect(statusOf({ revokedAt: null, validUntil: new Date(now.getTime() + 1) }, now)).toBe("valid");
    expect(statusOf({ revokedAt: null, validUntil: null }, now)).toBe("valid");
  });
});
