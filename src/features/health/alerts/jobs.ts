import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { type AnyJob, anyJob, defineJob } from "../../../platform/jobs/jobs.js";
import { pulseSetEvent } from "../pulses/events.js";
import { alertRaisedEvent } from "./events.js";
import {
  escalateDueAlerts,
  postAlertWebhook,
  raiseAlert,
  remindCsms,
  resolveRecoveredAlerts,
  sendDigests,
} from "./service.js";

export const escalateAlertsEvent = { name: "alerts.escalate-due", payload: z.object({}) };
export const remindCsmsEvent = { name: "alerts.remind-csms-daily", payload: z.object({}) };
export const sendDigestsEvent = { name: "alerts.send-digests-daily", payload: z.object({}) };

/**
 * pulse.set → a risk alert, inbox items and real-time mail, or, for a pulse above the threshold, the
 * client's alerts resolved as recovered (idempotent per pulse entry: the alert is
 * unique per entry, so jobs of one client may run side by side). Batched, several at once, so a burst of
 * pulses gets its alerts in seconds.
 */
export const raiseAlertJob = (ctx: () => AppContext) =>
  defineJob({
    ...pulseSetEvent,
    batchSize: 20,
    concurrency: 4,
    handler: async (payload) => {
      await raiseAlert(ctx(), payload);
      await resolveRecoveredAlerts(ctx(), payload);
    },
  });

/** alert.raised → the organization's signed webhook, retried with backoff when the receiver fails. */
export const postAlertWebhookJob = (ctx: () => AppContext) =>
  defineJob({
    ...alertRaisedEvent,
    retryLimit: 8,
    retryDelaySeconds: 30,
    // Waiting on receivers, not the database: several at once (idempotent by webhook_delivered_at).
    batchSize: 10,
    concurrency: 4,
    handler: async (payload) => void (await postAlertWebhook(ctx(), payload)),
  });

export const escalateAlertsJob = (ctx: () => AppContext) =>
  defineJob({ ...escalateAlertsEvent, retryLimit: 2, handler: async () => void (await escalateDueAlerts(ctx())) });

export const remindCsmsJob = (ctx: () => AppContext) =>
  defineJob({ ...remindCsmsEvent, retryLimit: 3, handler: async () => void (await remindCsms(ctx())) });

export const sendDigestsJob = (ctx: () => AppContext) =>
  defineJob({ ...sendDigestsEvent, retryLimit: 3, handler: async () => void (await sendDigests(ctx())) });

/** Every alerts job, for the registry. */
export const alertJobs = (ctx: () => AppContext): AnyJob[] => [
  anyJob(raiseAlertJob(ctx)),
  anyJob(postAlertWebhookJob(ctx)),
  anyJob(escalateAlertsJob(ctx)),
  anyJob(remindCsmsJob(ctx)),
  anyJob(sendDigestsJob(ctx)),
];

/** Cron (UTC): escalation every 15 minutes; reminders at 07:00, digests at 08:00 so they carry the reminders. */
export async function scheduleAlertJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(escalateAlertsEvent, "*/15 * * * *", {});
  await ctx.jobs.schedule(remindCsmsEvent, "0 7 * * *", {});
  await ctx.jobs.schedule(sendDigestsEvent, "0 8 * * *", {});
}
