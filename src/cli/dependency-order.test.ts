import { describe, expect, it } from "vitest";
import { dependencyOrder } from "./dependency-order.js";

describe("dependencyOrder", () => {
  it("puts referenced tables before the tables that reference them", () => {
    const order = dependencyOrder(
      ["sessions", "memberships", "users", "organizations"],
      [
        { from: "sessions", to: "users" },
        { from: "memberships", to: "users" },
        { from: "memberships", to: "organizations" },
      ],
    );
    expect(order).toEqual(["organizations", "users", "memberships", "sessions"]);
  });

  it("ignores self-references and keeps tables in a cycle, after the rest", () => {
    const order = dependencyOrder(
      ["a", "b", "tree", "z"],
      [
        { from: "tree", to: "tree" },
        { from: "a", to: "b" },
        { from: "b", to: "a" },
      ],
    );
    expect(order).toEqual(["tree", "z", "a", "b"]);
  });
});
