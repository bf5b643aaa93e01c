import type { JobLogger } from "../../platform/jobs/jobs.js";

/** The CLI prints its own output; only job-queue errors get through. */
export const quietLog: JobLogger = {
  info: () => {},
  error: (obj, msg) => console.error(msg ?? "error", obj),
};
