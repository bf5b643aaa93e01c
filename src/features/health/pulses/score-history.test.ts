import { describe, expect, it } from "vitest";
import { inputsOnDay, replayScores } from "./score-history.js";
import { DEFAULT_FORMULA } from "./success-score.js";

const pulses = [
  { level: "satisfied" as const, effectiveAt: new Date("2026-01-10T10:00:00Z") },
  { level: "severe_risk" as const, effectiveAt: new Date("2026-02-01T10:00:00Z") },
];

describe("inputsOnDay", () => {
  it("knows only what had taken effect by the end of the day", () => {
    expect(inputsOnDay("2026-01-09", pulses, [], []).pulse).toBeUndefined();
    expect(inputsOnDay("2026-01-31", pulses, [], []).pulse?.level).toBe("satisfied");
    expect(inputsOnDay("2026-02-01", pulses, [], []).pulse?.level).toBe("severe_risk");
  });
  it("takes each metric's newest value up to that day", () => {
    const metrics = [
      { metric: "nps", weekStart: "2026-01-05", value: 10 },
      { metric: "nps", weekStart: "2026-01-19", value: 30 },
    ];
    expect(inputsOnDay("2026-01-12", [], [], metrics).metrics).toEqual({ nps: 10 });
    expect(inputsOnDay("2026-02-12", [], [], metrics).metrics).toEqual({ nps: 30 });
  });
});

describe("replayScores", () => {
  it("replays two formulas over the same days so they can be compared", () => {
    const days = ["2026-01-09", "2026-01-15", "2026-02-02"];
    const v1 = replayScores(DEFAULT_FORMULA, days, { pulses, usage: [], metrics: [] });
    expect(v1.map((p) => p.score)).toEqual([null, 59, 1]);
    expect(v1[2]?.band).toBe("at_risk");
    const slowFade = { ...DEFAULT_FORMULA, version: 2, pulseHalfLifeDays: 10 };
    const v2 = replayScores(slowFade, days, { pulses, usage: [], metrics: [] });
    expect(v2[1]?.score).toBeLessThan(v1[1]?.score ?? 0);
  });
});
