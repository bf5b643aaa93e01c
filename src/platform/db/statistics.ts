import { z } from "zod";
import { defineJob } from "../jobs/jobs.js";
import type { Database } from "./database.js";

/**
 * Planner statistics. A PostgreSQL server's autovacuum keeps them fresh; PGlite runs no background
 * workers, so without this its tables are never analyzed and the planner guesses one row per table: an
 * "as of" report on the demo data then ran a nested loop over every client's span lookup (16 s instead of
 * 60 ms). Pulse therefore analyzes a PGlite database itself: at start, after bulk writes, and hourly.
 */
export async function refreshStatistics(database: Database): Promise<boolean> {
  if (database.kind !== "pglite") return false;
  await database.executeSql("analyze");
  return true;
}

export const refreshStatisticsEvent = { name: "db.refresh-statistics", payload: z.object({}) };

export const refreshStatisticsJob = (database: Database) =>
  defineJob({
    ...refreshStatisticsEvent,
    handler: async () => {
      await refreshStatistics(database);
    },
  });

/** Hourly: cheap (ANALYZE samples at most 30,000 rows a table) and only on PGlite. */
export const STATISTICS_CRON = "17 * * * *";
