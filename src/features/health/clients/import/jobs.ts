import type { AppContext } from "../../../../platform/context.js";
import { refreshStatistics } from "../../../../platform/db/statistics.js";
import { type AnyJob, anyJob, defineJob } from "../../../../platform/jobs/jobs.js";
import { importRunEvent } from "./events.js";
import { IMPORT_HEARTBEAT_SECONDS, IMPORT_RETRY_LIMIT, runImportJob } from "./import-jobs.js";

/** health.import.run → reads, checks and writes a large CSV import in batches, reporting progress as it goes. */
export const importJobs = (ctx: () => AppContext): AnyJob[] => [
  anyJob(
    defineJob({
      ...importRunEvent,
      retryLimit: IMPORT_RETRY_LIMIT,
      // A run that died resumes soon: expired 3 beats (30 s) after its last one, retried after 1-2 s.
      retryDelaySeconds: 1,
      heartbeatSeconds: IMPORT_HEARTBEAT_SECONDS,
      handler: async ({ importId }, meta) => {
        await runImportJob(ctx(), importId, meta.attempt);
        // Up to 100,000 rows may have arrived: PGlite has no autovacuum to refresh the planner's statistics.
        await refreshStatistics(ctx().database);
      },
    }),
  ),
];
