import { describe, expect, it } from "vitest";
import { SUGGESTION_STATUSES } from "./schema.js";
import { canTransition, isFinalStatus } from "./transitions.js";

describe("suggestion status transitions", () => {
  it("follows submitted → under_review → planned → published", () => {
    expect(canTransition("submitted", "under_review")).toBe(true);
    expect(canTransition("under_review", "planned")).toBe(true);
    expect(canTransition("planned", "published")).toBe(true);
  });
  it("declines from any non-final status and never leaves a final one", () => {
    for (const from of SUGGESTION_STATUSES) {
      expect(canTransition(from, "declined")).toBe(!isFinalStatus(from));
    }
    for (const to of SUGGESTION_STATUSES) {
      expect(canTransition("published", to)).toBe(false);
      expect(canTransition("declined", to)).toBe(false);
    }
  });
  it("rejects skipping, going back and staying put", () => {
    expect(canTransition("submitted", "planned")).toBe(false);
    expect(canTransition("submitted", "published")).toBe(false);
    expect(canTransition("planned", "under_review")).toBe(false);
    for (const s of SUGGESTION_STATUSES) expect(canTransition(s, s)).toBe(false);
  });
});
