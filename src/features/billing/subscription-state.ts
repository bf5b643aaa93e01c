/**
 * The subscription state machine (pure; time comes in as arguments):
 *   pending_payment → active → cancel_scheduled → ended     (cancel_scheduled → active: resume)
 *   active → past_due → active (paid within grace) | ended (grace over)
 * Each paid year is a period; a renewal opens the next one where the last ended, so periods are contiguous.
 */

export type SubscriptionState = "pending_payment" | "active" | "cancel_scheduled" | "past_due" | "ended";
export type EndedReason = "canceled" | "unpaid" | "checkout_abandoned";

export type SubscriptionSnapshot = {
  state: SubscriptionState;
  /** Number of the current period (0 before the first payment). */
  period: number;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  graceEndsAt: Date | null;
  endedAt: Date | null;
  endedReason: EndedReason | null;
};

export type BillingRules = {
  /** Days before the period end a reminder goes out, e.g. [30, 7]. */
  reminderDays: readonly number[];
  /** Days of access kept after a failed renewal. */
  graceDays: number;
};

export const DEFAULT_RULES: BillingRules = { reminderDays: [30, 7], graceDays: 7 };

export type Effect =
  | { kind: "open_period"; number: number; startsAt: Date; endsAt: Date }
  | { kind: "mail"; mail: "activated" | "renewed" | "cancel_scheduled" | "resumed" | "past_due" | "ended" };

export type SubscriptionEvent =
  | { type: "payment_succeeded"; at: Date }
  | { type: "payment_failed"; at: Date }
  | { type: "cancel"; at: Date }
  | { type: "resume"; at: Date }
  | { type: "tick"; at: Date };

export type Transition = { ok: true; next: SubscriptionSnapshot; effects: Effect[] } | { ok: false; reason: string };

const DAY_MS = 86_400_000;

export const pendingSubscription = (): SubscriptionSnapshot => ({
  state: "pending_payment",
  period: 0,
  currentPeriodStart: null,
  currentPeriodEnd: null,
  graceEndsAt: null,
  endedAt: null,
  endedReason: null,
});

/** The same instant `years` later in UTC; 29 February falls back to 28 February. */
export function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(date.getUTCFullYear() + years);
  if (result.getUTCDate() !== date.getUTCDate()) result.setUTCDate(0);
  return result;
}

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

const refuse = (reason: string): Transition => ({ ok: false, reason });

function openPeriod(s: SubscriptionSnapshot, startsAt: Date): Transition {
  const endsAt = addYears(startsAt, 1);
  const number = s.period + 1;
  return {
    ok: true,
    next: {
      ...s,
      state: "active",
      period: number,
      currentPeriodStart: startsAt,
      currentPeriodEnd: endsAt,
      graceEndsAt: null,
    },
    effects: [
      { kind: "open_period", number, startsAt, endsAt },
      { kind: "mail", mail: number === 1 ? "activated" : "renewed" },
    ],
  };
}

function end(s: SubscriptionSnapshot, at: Date, reason: EndedReason): Transition {
  return {
    ok: true,
    next: { ...s, state: "ended", graceEndsAt: null, endedAt: at, endedReason: reason },
    effects: [{ kind: "mail", mail: "ended" }],
  };
}

/** Applies one event. Time passing (`tick`) ends what is due; a payment opens the next period. */
export function transition(s: SubscriptionSnapshot, event: SubscriptionEvent, rules: BillingRules): Transition {
  const { at } = event;
  const end_ = s.currentPeriodEnd;
  switch (event.type) {
    case "payment_succeeded":
      if (s.state === "pending_payment") return openPeriod(s, at);
      if ((s.state === "active" || s.state === "past_due") && end_) {
        // The next year starts where the paid one ended, however late the payment came in grace.
        return at >= end_ ? openPeriod(s, end_) : refuse("The current period is not over yet.");
      }
      return refuse(`A ${s.state} subscription takes no payment.`);
    case "payment_failed":
      if (s.state === "active" && end_ && at >= end_) {
        return {
          ok: true,
          next: { ...s, state: "past_due", graceEndsAt: addDays(end_, rules.graceDays) },
          effects: [{ kind: "mail", mail: "past_due" }],
        };
      }
      if (s.state === "past_due") return { ok: true, next: s, effects: [] };
      return refuse("Only a renewal that is due can fail.");
    case "cancel":
      if (s.state === "active" && end_ && at < end_) {
        return {
          ok: true,
          next: { ...s, state: "cancel_scheduled" },
          effects: [{ kind: "mail", mail: "cancel_scheduled" }],
        };
      }
      if (s.state === "past_due") return end(s, at, "canceled");
      if (s.state === "pending_payment") return end(s, at, "checkout_abandoned");
      if (s.state === "cancel_scheduled") return refuse("The subscription is already set to end.");
      return refuse("Only an active subscription can be canceled.");
    case "resume":
      if (s.state === "cancel_scheduled" && end_ && at < end_) {
        return { ok: true, next: { ...s, state: "active" }, effects: [{ kind: "mail", mail: "resumed" }] };
      }
      return refuse("Only a subscription set to end, before its period is over, can be resumed.");
    case "tick":
      if (s.state === "cancel_scheduled" && end_ && at >= end_) return end(s, end_, "canceled");
      if (s.state === "past_due" && s.graceEndsAt && at >= s.graceEndsAt) return end(s, s.graceEndsAt, "unpaid");
      return { ok: true, next: s, effects: [] };
  }
}

/** Until when the subscription opens its levels (null: it does not). */
export function accessUntil(s: SubscriptionSnapshot): Date | null {
  if (s.state === "active" || s.state === "cancel_scheduled") return s.currentPeriodEnd;
  if (s.state === "past_due") return s.graceEndsAt;
  return null;
}

/** Whether the renewal job should charge now: an active subscription whose paid period is over. */
export const renewalDue = (s: SubscriptionSnapshot, now: Date): boolean =>
  s.state === "active" && s.currentPeriodEnd !== null && now >= s.currentPeriodEnd;

export const reminderKind = (days: number): string => `renewal_${days}`;

/**
 * The reminder due now, if any: the one with the fewest days whose window (`days` before the period
 * end, until the end) has opened. A job that missed the 30-day window never sends it late on day 5:
 * then the 7-day reminder is the one due. The caller sends each kind once per period.
 */
export function reminderDue(s: SubscriptionSnapshot, now: Date, reminderDays: readonly number[]): number | null {
  if (s.state !== "active" || !s.currentPeriodEnd || now >= s.currentPeriodEnd) return null;
  const left = (s.currentPeriodEnd.getTime() - now.getTime()) / DAY_MS;
  const open = reminderDays.filter((d) => d > 0 && left <= d);
  return open.length === 0 ? null : Math.min(...open);
}
