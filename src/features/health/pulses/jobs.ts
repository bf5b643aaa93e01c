import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { defineJob } from "../../../platform/jobs/jobs.js";
import { refreshAllScores } from "./service/success-score.js";
import { listOrgIdsWithClients } from "./store.js";

export const refreshScoresEvent = { name: "success-score.refresh-daily", payload: z.object({}) };

/** Once a day every client gets that day's SuccessScore: pulses fade and usage moves even when nobody acts. */
export const refreshScoresJob = (ctx: () => AppContext) =>
  defineJob({
    ...refreshScoresEvent,
    retryLimit: 3,
    handler: async () => {
      const c = ctx();
      for (const orgId of await listOrgIdsWithClients(c.database.db)) await refreshAllScores(c, orgId);
    },
  });
