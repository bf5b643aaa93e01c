import type { AppContext } from "../../../../platform/context.js";
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
      handler: async ({ importId }, meta) => runImportJob(ctx(), importId, meta.attempt),
    }),
  ),
];
