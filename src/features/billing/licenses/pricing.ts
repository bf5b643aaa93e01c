/**
 * Team license prices (pure): the discount tier a seat count reaches, a quote's total, and the price of
 * seats added mid-term, prorated by whole months (a started month counts as a whole one).
 */

export type DiscountTier = { minSeats: number; discountBps: number };

/** The highest tier whose `minSeats` the quantity reaches (0 bps when none does). */
export function discountBpsFor(tiers: readonly DiscountTier[], seats: number): number {
  let best: DiscountTier | null = null;
  for (const t of tiers) if (seats >= t.minSeats && (!best || t.minSeats > best.minSeats)) best = t;
  return best?.discountBps ?? 0;
}

export type SeatPrice = {
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
};

/** Seats × the yearly unit price × months/12, less the tier's discount; minor units rounded half up. */
export function seatPrice(input: {
  seats: number;
  unitAmountMinor: number;
  months: number;
  discountBps: number;
}): SeatPrice {
  const subtotalMinor = Math.round((input.seats * input.unitAmountMinor * input.months) / 12);
  const discountMinor = Math.round((subtotalMinor * input.discountBps) / 10_000);
  return { subtotalMinor, discountMinor, totalMinor: subtotalMinor - discountMinor };
}

const addMonths = (d: Date, months: number) => {
  const r = new Date(d.getTime());
  const day = r.getUTCDate();
  r.setUTCDate(1);
  r.setUTCMonth(r.getUTCMonth() + months);
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(day, last));
  return r;
};

/** The term of a new pool: one year from `start` (29 February → 28 February). */
export const termEnd = (start: Date) => addMonths(start, 12);

/** Whole months left from `now` to the term's end, a started month counted whole (0 once it has ended). */
export function monthsLeft(now: Date, endsAt: Date): number {
  if (endsAt <= now) return 0;
  let months = 0;
  while (addMonths(now, months) < endsAt) months += 1;
  return months;
}
