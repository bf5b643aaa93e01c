import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accessUntil,
  addDays,
  addYears,
  DEFAULT_RULES,
  pendingSubscription,
  reminderDue,
  renewalDue,
  type SubscriptionEvent,
  type SubscriptionSnapshot,
  transition,
} from "./subscription-state.js";

const T0 = new Date("2026-03-10T09:00:00Z");
const rules = DEFAULT_RULES;

function apply(s: SubscriptionSnapshot, event: SubscriptionEvent): SubscriptionSnapshot {
  const t = transition(s, event, rules);
  if (!t.ok) throw new Error(t.reason);
  return t.next;
}

const paid = () => apply(pendingSubscription(), { type: "payment_succeeded", at: T0 });

describe("subscription state machine (fixed clock)", () => {
  it("checkout payment opens period 1 for one year", () => {
    const t = transition(pendingSubscription(), { type: "payment_succeeded", at: T0 }, rules);
    expect(t.ok && t.next.state).toBe("active");
    if (!t.ok) return;
    expect(t.next.currentPeriodEnd?.toISOString()).toBe("2027-03-10T09:00:00.000Z");
    expect(t.effects).toEqual([
      { kind: "open_period", number: 1, startsAt: T0, endsAt: new Date("2027-03-10T09:00:00Z") },
      { kind: "mail", mail: "activated" },
    ]);
  });

  it("29 February renews on 28 February", () => {
    expect(addYears(new Date("2028-02-29T12:00:00Z"), 1).toISOString()).toBe("2029-02-28T12:00:00.000Z");
  });

  it("renewal is due at the period end, and opens the next period where the last ended", () => {
    const s = paid();
    const end = s.currentPeriodEnd as Date;
    expect(renewalDue(s, new Date(end.getTime() - 1))).toBe(false);
    expect(renewalDue(s, end)).toBe(true);
    const renewed = apply(s, { type: "payment_succeeded", at: addDays(end, 0.1) });
    expect(renewed.period).toBe(2);
    expect(renewed.currentPeriodStart).toEqual(end);
    expect(renewed.currentPeriodEnd?.toISOString()).toBe("2028-03-10T09:00:00.000Z");
  });

  it("a payment before the period is over is refused", () => {
    expect(transition(paid(), { type: "payment_succeeded", at: addDays(T0, 10) }, rules).ok).toBe(false);
  });

  it("reminders: 30 days before, then 7; a missed 30-day window is not sent late", () => {
    const s = paid();
    const end = s.currentPeriodEnd as Date;
    expect(reminderDue(s, addDays(end, -31), [30, 7])).toBeNull();
    expect(reminderDue(s, addDays(end, -30), [30, 7])).toBe(30);
    expect(reminderDue(s, addDays(end, -8), [30, 7])).toBe(30);
    expect(reminderDue(s, addDays(end, -7), [30, 7])).toBe(7);
    expect(reminderDue(s, addDays(end, -1), [30, 7])).toBe(7);
    expect(reminderDue(s, end, [30, 7])).toBeNull();
    expect(reminderDue(apply(s, { type: "cancel", at: addDays(end, -40) }), addDays(end, -5), [30, 7])).toBeNull();
  });

  it("failed renewal: past due with 7 days of grace, then ended as unpaid", () => {
    const s = paid();
    const end = s.currentPeriodEnd as Date;
    const due = apply(s, { type: "payment_failed", at: end });
    expect(due.state).toBe("past_due");
    expect(accessUntil(due)).toEqual(addDays(end, 7));
    expect(apply(due, { type: "tick", at: addDays(end, 6.9) }).state).toBe("past_due");
    const ended = apply(due, { type: "tick", at: addDays(end, 7) });
    expect(ended).toMatchObject({ state: "ended", endedReason: "unpaid", endedAt: addDays(end, 7) });
    expect(accessUntil(ended)).toBeNull();
  });

  it("paid within grace: active again, the new period starts at the old end", () => {
    const s = paid();
    const end = s.currentPeriodEnd as Date;
    const back = apply(apply(s, { type: "payment_failed", at: end }), {
      type: "payment_succeeded",
      at: addDays(end, 3),
    });
    expect(back).toMatchObject({ state: "active", period: 2, currentPeriodStart: end, graceEndsAt: null });
  });

  it("cancel keeps access until the period end; resume before then; ended after", () => {
    const s = paid();
    const end = s.currentPeriodEnd as Date;
    const canceled = apply(s, { type: "cancel", at: addDays(T0, 100) });
    expect(canceled.state).toBe("cancel_scheduled");
    expect(accessUntil(canceled)).toEqual(end);
    expect(renewalDue(canceled, end)).toBe(false);
    expect(apply(canceled, { type: "resume", at: addDays(T0, 200) })).toEqual(s);
    const ended = apply(canceled, { type: "tick", at: end });
    expect(ended).toMatchObject({ state: "ended", endedReason: "canceled", endedAt: end });
    expect(transition(ended, { type: "resume", at: end }, rules).ok).toBe(false);
    expect(transition(canceled, { type: "resume", at: end }, rules).ok).toBe(false);
  });
});

const DAY = 86_400_000;
const eventArb = fc.record({
  type: fc.constantFrom("payment_succeeded", "payment_failed", "cancel", "resume", "tick" as const),
  stepDays: fc.double({ min: 0, max: 400, noNaN: true }),
});

describe("subscription state machine (properties)", () => {
  it("periods are contiguous and numbered, ended is final, access never outlives the paid period + grace", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (events, graceDays) => {
        const r = { reminderDays: [30, 7], graceDays };
        let s = pendingSubscription();
        let now = T0;
        let lastEnd: Date | null = null;
        for (const e of events) {
          now = new Date(now.getTime() + e.stepDays * DAY);
          const t = transition(s, { type: e.type, at: now } as SubscriptionEvent, r);
          if (!t.ok) continue;
          for (const effect of t.effects) {
            if (effect.kind !== "open_period") continue;
            expect(effect.number).toBe(s.period + 1);
            if (lastEnd) expect(effect.startsAt).toEqual(lastEnd);
            expect(effect.endsAt.getTime()).toBeGreaterThan(effect.startsAt.getTime());
            lastEnd = effect.endsAt;
          }
          if (s.state === "ended") expect(t.next).toEqual(s);
          const until = accessUntil(t.next);
          if (until && t.next.currentPeriodEnd) {
            expect(until.getTime()).toBeLessThanOrEqual(t.next.currentPeriodEnd.getTime() + graceDays * DAY);
          }
          if (t.next.state === "ended") expect(until).toBeNull();
          s = t.next;
        }
      }),
    );
  });

  it("cancel then resume before the period end changes nothing", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 364, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, f) => {
        const s = paid();
        const cancelAt = new Date(T0.getTime() + a * DAY);
        const c = apply(s, { type: "cancel", at: cancelAt });
        const resumeAt = new Date(
          cancelAt.getTime() + f * ((s.currentPeriodEnd as Date).getTime() - cancelAt.getTime() - 1),
        );
        expect(apply(c, { type: "resume", at: resumeAt })).toEqual(s);
      }),
    );
  });

  it("a job running at any times sends each reminder at most once per period and never after the end", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 300, max: 366, noNaN: true }), { maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 3 }),
        (runDays, days) => {
          const s = paid();
          const sent: number[] = [];
          for (const d of [...runDays].sort((x, y) => x - y)) {
            const now = new Date(T0.getTime() + d * DAY);
            const due = reminderDue(s, now, days);
            if (due !== null && !sent.includes(due)) sent.push(due);
            if (due !== null) expect(now.getTime()).toBeLessThan((s.currentPeriodEnd as Date).getTime());
          }
          expect(new Set(sent).size).toBe(sent.length);
          // Reminders go out in order: each one sent has fewer days than the one before.
          for (let i = 1; i < sent.length; i++) expect(sent[i]).toBeLessThan(sent[i - 1] as number);
        },
      ),
    );
  });
});
