import { describe, expect, it } from "vitest";
import { levelLock } from "./plans.js";

describe("levelLock", () => {
  const level1 = ["basic", "scholar", "full"];
  const level4 = ["scholar", "full"];
  const level5 = ["full", "cpd"];

  it("opens the levels each plan names (Basic = 1; Scholar = 1-4; Full = 1-5; CPD = 5)", () => {
    const opens = (held: string[]) => [level1, level4, level5].map((l) => levelLock(l, held, false).open);
    expect(opens(["basic"])).toEqual([true, false, false]);
    expect(opens(["scholar"])).toEqual([true, true, false]);
    expect(opens(["full"])).toEqual([true, true, true]);
    expect(opens(["cpd"])).toEqual([false, false, true]);
    expect(opens([])).toEqual([false, false, false]);
  });

  it("says which plans open a locked level", () => {
    expect(levelLock(level4, ["basic"], false)).toEqual({
      open: false,
      openedBy: ["scholar", "full"],
      message: "Opens with the CCSMP Scholar or CCSMP Full membership.",
    });
  });

  it("opens everything to academy staff", () => {
    expect(levelLock(level5, [], true).open).toBe(true);
  });
});
