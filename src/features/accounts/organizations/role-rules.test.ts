import { describe, expect, it } from "vitest";
import { inviteRefusal, roleChangeRefusal, slugify } from "./role-rules.js";

const base = { actorIsTarget: false, ownerCount: 2 } as const;

describe("roleChangeRefusal", () => {
  it("lets an admin promote a member to manager", () => {
    expect(roleChangeRefusal({ ...base, actorRole: "admin", targetRole: "member", newRole: "manager" })).toBeNull();
  });
  it("stops an admin from making an owner", () => {
    expect(roleChangeRefusal({ ...base, actorRole: "admin", targetRole: "member", newRole: "owner" })).toMatch(
      /Only an owner/,
    );
  });
  it("stops an admin from demoting or removing an owner", () => {
    expect(roleChangeRefusal({ ...base, actorRole: "admin", targetRole: "owner", newRole: "member" })).toMatch(
      /Only an owner/,
    );
    expect(roleChangeRefusal({ ...base, actorRole: "admin", targetRole: "owner", newRole: null })).toMatch(
      /Only an owner/,
    );
  });
  it("keeps the last owner", () => {
    const last = { actorRole: "owner", targetRole: "owner", ownerCount: 1 } as const;
    expect(roleChangeRefusal({ ...last, actorIsTarget: true, newRole: "admin" })).toMatch(/at least one owner/);
    expect(roleChangeRefusal({ ...last, actorIsTarget: false, newRole: null })).toMatch(/at least one owner/);
  });
  it("lets an owner step down when another owner remains", () => {
    expect(
      roleChangeRefusal({
        actorRole: "owner",
        actorIsTarget: true,
        targetRole: "owner",
        newRole: "admin",
        ownerCount: 2,
      }),
    ).toBeNull();
  });
  it("lets a member leave but not change others", () => {
    expect(
      roleChangeRefusal({ ...base, actorRole: "member", actorIsTarget: true, targetRole: "member", newRole: null }),
    ).toBeNull();
    expect(roleChangeRefusal({ ...base, actorRole: "manager", targetRole: "member", newRole: "manager" })).toMatch(
      /Only admins/,
    );
  });
});

describe("inviteRefusal", () => {
  it("allows admins up to admin and owners anything", () => {
    expect(inviteRefusal("admin", "admin")).toBeNull();
    expect(inviteRefusal("admin", "owner")).toMatch(/Only an owner/);
    expect(inviteRefusal("owner", "owner")).toBeNull();
    expect(inviteRefusal("manager", "member")).toMatch(/Only admins/);
  });
});

describe("slugify", () => {
  it("makes readable slugs", () => {
    expect(slugify("Acme Customer Success!")).toBe("acme-customer-success");
    expect(slugify("Café Ünïcode")).toBe("cafe-unicode");
    expect(slugify("!!!")).toBe("organization");
  });
});
