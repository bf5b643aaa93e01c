import { describe, expect, it } from "vitest";
import { escalatesAt, escalationDue } from "./escalation.js";
import { digestSince, pulseReminderCutoff, utcDay } from "./reminders.js";

const raisedAt = new Date("2026-03-01T10:00:00Z");
const at = (iso: string) => new Date(iso);

describe("escalationDue", () => {
  it.each([
    { now: "2026-03-03T09:59:59Z", state: {}, due: false, why: "before the hours have passed" },
    { now: "2026-03-03T10:00:00Z", state: {}, due: true, why: "exactly when the hours have passed" },
    { now: "2026-03-09T00:00:00Z", state: {}, due: true, why: "long after" },
    { now: "2026-03-09T00:00:00Z", state: { claimedAt: at("2026-03-01T11:00:00Z") }, due: false, why: "once claimed" },
    { now: "2026-03-09T00:00:00Z", state: { escalatedAt: at("2026-03-03T10:00:00Z") }, due: false, why: "twice" },
  ])("is $due $why", ({ now, state, due }) => {
    const alert = { raisedAt, claimedAt: null, escalatedAt: null, ...state };
    expect(escalationDue(alert, 48, at(now))).toBe(due);
  });

  it("counts hours from when the alert was raised", () => {
    expect(escalatesAt(raisedAt, 1).toISOString()).toBe("2026-03-01T11:00:00.000Z");
  });
});

describe("reminder and digest windows", () => {
  it("uses the UTC day and whole days back", () => {
    const now = at("2026-03-31T23:30:00-02:00");
    expect(utcDay(now)).toBe("2026-04-01");
    expect(pulseReminderCutoff(now, 30).toISOString()).toBe("2026-03-02T01:30:00.000Z");
    expect(digestSince(now).toISOString()).toBe("2026-03-25T01:30:00.000Z");
  });
});
