import { describe, expect, it } from "vitest";
import type { Actor } from "../../kernel/auth.js";
import { checkAccess } from "./access.js";

const actor = (roles: Record<string, "member" | "manager" | "admin" | "owner">, isPlatformAdmin = false): Actor => ({
  userId: "u",
  email: "u@example.test",
  name: "U",
  isPlatformAdmin,
  sessionId: "s",
  activeOrgId: null,
  memberships: new Map(Object.entries(roles)),
});

const codeOf = (fn: () => void) => {
  try {
    fn();
    return "allowed";
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe("checkAccess", () => {
  it("asks anonymous callers to sign in for anything not public", () => {
    expect(codeOf(() => checkAccess(null, "public", undefined))).toBe("allowed");
    expect(codeOf(() => checkAccess(null, "user", undefined))).toBe("unauthenticated");
    expect(codeOf(() => checkAccess(null, "org:member", "o1"))).toBe("unauthenticated");
  });
  it("hides organizations the caller does not belong to", () => {
    expect(codeOf(() => checkAccess(actor({ o2: "owner" }), "org:member", "o1"))).toBe("not_found");
    expect(codeOf(() => checkAccess(actor({}, true), "org:member", "o1"))).toBe("not_found");
  });
  it("compares org roles in order member < manager < admin < owner", () => {
    const a = actor({ o1: "manager" });
    expect(codeOf(() => checkAccess(a, "org:member", "o1"))).toBe("allowed");
    expect(codeOf(() => checkAccess(a, "org:manager", "o1"))).toBe("allowed");
    expect(codeOf(() => checkAccess(a, "org:admin", "o1"))).toBe("forbidden");
  });
  it("keeps platform admin a separate flag", () => {
    expect(codeOf(() => checkAccess(actor({ o1: "owner" }), "platform_admin", undefined))).toBe("forbidden");
    expect(codeOf(() => checkAccess(actor({}, true), "platform_admin", undefined))).toBe("allowed");
  });
});
