import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { defineJob } from "../../../platform/jobs/jobs.js";
import { buildSnapshots, orgIdsWithClients, utcDay } from "./store.js";

export const buildSnapshotsEvent = { name: "health.snapshots.build", payload: z.object({}) };

/**
 * Keeps every organization's daily "as of" totals current: after midnight (UTC, the day "as of" reports
 * use) it adds the day that ended, and every few minutes it rewrites the days a back-dated entry, a
 * correction or a dated field change touched (reports read history for those days meanwhile).
 */
export const buildSnapshotsJob = (ctx: () => AppContext) =>
  defineJob({
    ...buildSnapshotsEvent,
    retryLimit: 3,
    handler: async () => {
      const c = ctx();
      const today = utcDay(c.clock.now());
      for (const orgId of await orgIdsWithClients(c.database.db)) await buildSnapshots(c.database.db, orgId, today);
    },
  });

export async function scheduleSnapshotJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(buildSnapshotsEvent, "*/5 * * * *", {});
}
