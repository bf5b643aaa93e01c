import type { AppContext } from "../../platform/context.js";
import { type AnyJob, anyJob, defineJob } from "../../platform/jobs/jobs.js";
import { billingRenewalsEvent } from "./events.js";
import { issueRenewalInvoices } from "./licenses/renewals.js";
import { runRenewals } from "./service/renewals.js";

export const billingRenewalsJob = (ctx: () => AppContext) =>
  defineJob({
    ...billingRenewalsEvent,
    retryLimit: 2,
    handler: async () => {
      await runRenewals(ctx());
      await issueRenewalInvoices(ctx());
    },
  });

export const billingJobs = (ctx: () => AppContext): AnyJob[] => [anyJob(billingRenewalsJob(ctx))];

/** Every hour at :17 (each step is idempotent, so a run twice or two processes at once do each thing once). */
export async function scheduleBillingJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(billingRenewalsEvent, "17 * * * *", {});
}
