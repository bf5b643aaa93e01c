import { and, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { userTimeZoneOf } from "../../../accounts/identity/service.js";
import { recertification } from "../cycles/cycles.js";
import { localDate } from "../cycles/local-date.js";
import { ruleSetOf } from "../cycles/rule-sets.js";
import { cpdEntries } from "../ledger/schema.js";
import * as ledger from "../ledger/store.js";
import { cycleEntries } from "./standing.js";

export type CpdStanding = {
  standing: "on_track" | "due" | "expired";
  /** Minutes applied to the cycle whose hours count now. */
  appliedMinutes: number;
  requiredMinutes: number;
  expiresOn: string;
};

export type HeldCertification = {
  userId: string;
  programId: string;
  programKey: string;
  achievedAt: Date;
  revoked: boolean;
};

/**
 * CPD standing of many holders at once (team reports): one query for their entries, one for their time
 * zones, then the pure cycle module. Keyed by `${userId} ${programId}`; a certification whose program
 * has no cycles (never expires) or that is revoked has none.
 */
export async function cpdStandings(db: Db, held: HeldCertification[], now: Date): Promise<Map<string, CpdStanding>> {
  const live = held.filter((h) => !h.revoked && ruleSetOf(h.programKey).months !== null);
  const out = new Map<string, CpdStanding>();
  if (live.length === 0) return out;
  const userIds = [...new Set(live.map((h) => h.userId))];
  const programIds = [...new Set(live.map((h) => h.programId))];
  const rows = (
    await db
      .select()
      .from(cpdEntries)
      .where(and(inArray(cpdEntries.userId, userIds), inArray(cpdEntries.programId, programIds)))
  ).map(ledger.toEntry);
  const ids = sql.join(
    userIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const zones = (await db.execute(
    sql`select u.id::text as id, ${userTimeZoneOf(sql`u.id`)} as tz from unnest(array[${ids}]::uuid[]) as u(id)`,
  )) as unknown as { rows: { id: string; tz: string | null }[] };
  const zoneOf = new Map(zones.rows.map((z) => [z.id, z.tz ?? "UTC"]));
  for (const h of live) {
    const tz = zoneOf.get(h.userId) ?? "UTC";
    const entries = rows.filter((e) => e.userId === h.userId && e.programId === h.programId);
    const r = recertification(
      ruleSetOf(h.programKey),
      localDate(h.achievedAt, tz),
      cycleEntries(entries),
      localDate(now, tz),
    );
    if (!r) continue;
    out.set(`${h.userId} ${h.programId}`, {
      standing: r.standing,
      appliedMinutes: r.appliedMinutes,
      requiredMinutes: r.requiredMinutes,
      expiresOn: r.expiresOn,
    });
  }
  return out;
}
