import { describe, expect, it } from "vitest";
import { alertRecipients } from "./alert-recipients.js";

describe("alertRecipients", () => {
  it.each([
    { name: "manager and executives", managerId: "m", executiveIds: ["o", "a"], setBy: "c", expected: ["m", "o", "a"] },
    {
      name: "a manager who is also an admin once",
      managerId: "a",
      executiveIds: ["o", "a"],
      setBy: "c",
      expected: ["a", "o"],
    },
    {
      name: "not the person who set the pulse",
      managerId: "m",
      executiveIds: ["o", "a"],
      setBy: "o",
      expected: ["m", "a"],
    },
    { name: "no manager: executives only", managerId: null, executiveIds: ["o"], setBy: null, expected: ["o"] },
    { name: "nobody when the setter is the only one", managerId: null, executiveIds: ["o"], setBy: "o", expected: [] },
    { name: "duplicate executives once", managerId: null, executiveIds: ["o", "o"], setBy: null, expected: ["o"] },
  ])("notifies $name", ({ managerId, executiveIds, setBy, expected }) => {
    expect(alertRecipients({ managerId, executiveIds, setBy })).toEqual(expected);
  });
});
