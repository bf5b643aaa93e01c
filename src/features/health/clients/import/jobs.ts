import type { AppContext } from "../../../../platform/context.js";
import { refreshStatistics } from "../../../../platform/db/statistics.js";
import { type AnyJob, anyJob, defineJob } from "../../../../platform/jobs/jobs.js";
import { importRunEvent } from "./events.js";
import { IMPORT_RETRY_LIMIT, runImportJob } from "./import-jobs.js";

/** health.import.run → reads, checks and writes a large CSV import, reporting progress as it goes. */
export const importJobs = (ctx: () => AppContext): AnyJob[] => [
  anyJob(
    defineJob({
      ...importRunEvent,
      retryLimit: IMPORT_RETRY_LIMIT,
      retryDelaySeconds: 10,
      handler: async ({ importId }, meta) => {
        await runImportJob(ctx(), importId, meta.attempt);
        // Up to 100,000 rows may have arrived: PGlite has no autovacuum to refresh the planner's statistics.
        await refreshStatistics(ctx().database);
      },
    }),
  ),
];
