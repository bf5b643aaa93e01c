import { z } from "zod";

/**
 * Sent in the transaction that changes a learner's CPD record (minutes recorded or reversed): its handler
 * renews the certification for every met cycle and issues the Level 5 certificate when its criteria are met.
 */
export const cpdRecordChangedEvent = {
  name: "academy.cpd.record-changed",
  payload: z.object({ userId: z.uuid() }),
};

/** Daily: reminders 90/30/7 days before expiry while short, renewals, evidence deletion, audit expiry. */
export const cpdDailyEvent = { name: "academy.cpd.daily", payload: z.object({}) };
