import type { AppContext } from "../../../platform/context.js";
import { type AnyJob, anyJob, defineJob } from "../../../platform/jobs/jobs.js";
import { expireOverdueAudits } from "./audits/service.js";
import { cpdDailyEvent, cpdRecordChangedEvent } from "./events.js";
import { refreshRecertification } from "./recertification/refresh.js";
import { sendCpdReminders } from "./recertification/reminders.js";
import { deleteExpiredEvidence } from "./self-cert/service.js";

/** Extra daily CPD chores other CPD parts register (evidence deletion, audit expiry). */
export type DailyChore = (ctx: AppContext) => Promise<unknown>;
const dailyChores: DailyChore[] = [deleteExpiredEvidence, expireOverdueAudits];
export const addDailyChore = (chore: DailyChore) => dailyChores.push(chore);

export const cpdRecordChangedJob = (ctx: () => AppContext) =>
  defineJob({
    ...cpdRecordChangedEvent,
    retryLimit: 5,
    handler: async (p) => void (await refreshRecertification(ctx(), p.userId)),
  });

export const cpdDailyJob = (ctx: () => AppContext) =>
  defineJob({
    ...cpdDailyEvent,
    retryLimit: 2,
    handler: async () => {
      await runCpdDaily(ctx());
    },
  });

/** The daily run: reminders while short, then each chore. */
export async function runCpdDaily(ctx: AppContext) {
  const reminders = await sendCpdReminders(ctx);
  for (const chore of dailyChores) await chore(ctx);
  return { reminders };
}

export const cpdJobs = (ctx: () => AppContext): AnyJob[] => [
  anyJob(cpdRecordChangedJob(ctx)),
  anyJob(cpdDailyJob(ctx)),
];

export async function scheduleCpdJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(cpdDailyEvent, "15 3 * * *", {});
}
