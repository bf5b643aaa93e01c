import { sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { date, rows } from "./raw-rows.js";

export type OverdueClient = { id: string; name: string; csmId: string; lastPulseAt: Date | null };

/** Unarchived clients assigned to a current member whose pulse was last set before `cutoff`, or never. */
export async function listOverdueClients(db: Db, orgId: string, cutoff: Date): Promise<OverdueClient[]> {
  const found = await rows(
    db,
    sql`select c.id, c.name, c.assigned_csm_id, c.current_pulse_at
        from clients c
        join memberships m on m.org_id = c.org_id and m.user_id = c.assigned_csm_id
        where c.org_id = ${orgId} and c.archived_at is null
          and (c.current_pulse_at is null or c.current_pulse_at < ${cutoff})
        order by c.assigned_csm_id, c.current_pulse_at asc nulls first, c.name`,
  );
  return found.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    csmId: r.assigned_csm_id as string,
    lastPulseAt: date(r.current_pulse_at),
  }));
}

/** Organizations with at least one unarchived client assigned to someone. */
export async function listOrgIdsWithAssignedClients(db: Db): Promise<string[]> {
  const found = await rows(
    db,
    sql`select distinct org_id from clients where archived_at is null and assigned_csm_id is not null`,
  );
  return found.map((r) => r.org_id as string);
}
