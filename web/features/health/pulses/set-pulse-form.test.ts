import { describe, expect, it } from "vitest";
import type { PulseEntry } from "../../../../src/features/health/pulses/contract";
import { correctionValues, newPulseValues, setPulseBody } from "./set-pulse-form";

const timeZone = "Europe/Paris";
const october = {
  id: "e1",
  level: "satisfied",
  note: "",
  reasons: [],
  effectiveAt: "2026-10-14T10:00:00.000Z",
} as unknown as PulseEntry;
const now = new Date("2026-12-02T09:30:00.000Z");

describe("setPulseBody", () => {
  it("lets the server date a new pulse for today (now)", () => {
    const body = setPulseBody(newPulseValues("2026-12-02"), { today: "2026-12-02", timeZone, correcting: null, now });
    expect(body.effectiveAt).toBeUndefined();
  });

  it("keeps the corrected entry's exact time when the correction stays on its day", () => {
    const values = correctionValues(october, timeZone);
    const body = setPulseBody(values, { today: "2026-12-02", timeZone, correcting: october, now });
    expect(body.effectiveAt).toBe(october.effectiveAt);
    expect(body.correctsEntryId).toBe("e1");
  });

  it("says now explicitly when a correction is moved to today (the server would keep the old day)", () => {
    const values = { ...correctionValues(october, timeZone), effectiveDay: "2026-12-02" };
    const body = setPulseBody(values, { today: "2026-12-02", timeZone, correcting: october, now });
    expect(body.effectiveAt).toBe(now.toISOString());
  });

  it("dates an earlier day at noon in the person's time zone", () => {
    const values = { ...newPulseValues("2026-12-02"), effectiveDay: "2026-11-20" };
    const body = setPulseBody(values, { today: "2026-12-02", timeZone, correcting: null, now });
    expect(body.effectiveAt).toBe("2026-11-20T11:00:00.000Z");
  });
});
