import { z } from "zod";

/** Cron (hourly): renewal reminders, yearly renewals, ends of cancelled and unpaid subscriptions. */
export const billingRenewalsEvent = { name: "billing.renewals.run", payload: z.object({}) };
