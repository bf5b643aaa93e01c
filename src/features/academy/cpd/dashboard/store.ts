import { sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { cpdEntries } from "../ledger/schema.js";

const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export type TimeRow = { source: string; minutes: number | string };

/** Minutes per source dated within [from, to] (inclusive), net of reversals: one statement. */
export async function minutesBySource(db: Db, userId: string, programId: string, from: string, to: string) {
  return rowsOf<TimeRow>(
    db,
    sql`select ${cpdEntries.source} as source, sum(${cpdEntries.minutes}) as minutes from ${cpdEntries}
        where ${cpdEntries.userId} = ${userId} and ${cpdEntries.programId} = ${programId}
          and ${cpdEntries.occurredOn} between ${from} and ${to}
        group by ${cpdEntries.source}`,
  );
}

export type ActivityDbRow = {
  id: string;
  occurred_on: string;
  title: string;
  asset_type: string;
  activity_type: string;
  source: string;
  minutes: number;
  reversed: boolean;
  launch_path: string | null;
  total: number | string;
};

/** The activity history (entries, not reversals, newest first) with whether each was reversed; one statement. */
export async function activityPage(db: Db, userId: string, programId: string, limit: number, offset: number) {
  return rowsOf<ActivityDbRow>(
    db,
    sql`select e.id, e.occurred_on::text as occurred_on, e.title, e.asset_type, e.activity_type, e.source, e.minutes,
          exists (select 1 from ${cpdEntries} r where r.reverses_entry_id = e.id) as reversed,
          e.launch_path, count(*) over () as total
        from ${cpdEntries} e
        where e.user_id = ${userId} and e.program_id = ${programId} and e.reverses_entry_id is null
        order by e.occurred_on desc, e.recorded_at desc, e.id desc
        limit ${limit} offset ${offset}`,
  );
}
