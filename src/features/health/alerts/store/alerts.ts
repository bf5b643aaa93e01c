import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { alerts } from "../schema.js";
import { date, rows } from "./raw-rows.js";

export type AlertRow = typeof alerts.$inferSelect;

/** Whether the entry is the client's current pulse (clients caches it with each pulse, in the same transaction). */
export async function isCurrentEntry(db: Db, orgId: string, clientId: string, entryId: string): Promise<boolean> {
  const [row] = await rows(
    db,
    sql`select 1 from clients where org_id = ${orgId} and id = ${clientId} and current_pulse_entry_id = ${entryId}`,
  );
  return row !== undefined;
}

// ---- alerts ----

/** Inserts the alert of a pulse entry; undefined when that entry already raised one. */
export async function insertAlert(db: Db, values: typeof alerts.$inferInsert): Promise<AlertRow | undefined> {
  const [row] = await db.insert(alerts).values(values).onConflictDoNothing({ target: alerts.pulseEntryId }).returning();
  return row;
}

export async function findAlert(db: Db, orgId: string, alertId: string): Promise<AlertRow | undefined> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.orgId, orgId), eq(alerts.id, alertId)));
  return row;
}

/**
 * Resolves the client's unresolved alerts ("recovered") with the pulse entry that rose above the
 * threshold; returns the resolved alerts' ids (none when a retried job runs again).
 */
export async function resolveAlerts(
  db: Db,
  orgId: string,
  clientId: string,
  entryId: string,
  now: Date,
): Promise<string[]> {
  const updated = await db
    .update(alerts)
    .set({ resolvedAt: now, resolvedByEntryId: entryId })
    .where(and(eq(alerts.orgId, orgId), eq(alerts.clientId, clientId), isNull(alerts.resolvedAt)))
    .returning({ id: alerts.id });
  return updated.map((r) => r.id);
}

/** Claims an unclaimed alert; undefined when someone claimed it first. */
export async function claimAlert(db: Db, orgId: string, alertId: string, userId: string, now: Date) {
  const [row] = await db
    .update(alerts)
    .set({ claimedBy: userId, claimedAt: now })
    .where(and(eq(alerts.orgId, orgId), eq(alerts.id, alertId), isNull(alerts.claimedBy)))
    .returning();
  return row;
}

export type AlertListRow = {
  id: string;
  clientId: string;
  clientName: string;
  csmId: string | null;
  csmName: string | null;
  rank: number;
  currentRank: number | null;
  superseded: boolean;
  raisedAt: Date;
  claimedById: string | null;
  claimedByName: string | null;
  claimedAt: Date | null;
  escalatedAt: Date | null;
  resolvedAt: Date | null;
  resolvedByEntryId: string | null;
};

const STATUS_WHERE = {
  open: sql`a.claimed_at is null and a.resolved_at is null`,
  claimed: sql`a.claimed_at is not null and a.resolved_at is null`,
  recovered: sql`a.resolved_at is not null`,
  all: sql`true`,
} as const;

/** Alerts with their client, CSM and claimer, newest first; one alert when `alertId` is given. */
export async function listAlerts(
  db: Db,
  orgId: string,
  filter: { status: keyof typeof STATUS_WHERE; limit: number; offset: number; alertId?: string },
): Promise<{ rows: AlertListRow[]; total: number }> {
  const where = sql`a.org_id = ${orgId} and ${STATUS_WHERE[filter.status]}
    ${filter.alertId ? sql`and a.id = ${filter.alertId}` : sql``}`;
  const found = await rows(
    db,
    sql`select a.id, a.client_id, c.name as client_name, c.assigned_csm_id, csm.name as csm_name, a.rank,
          c.current_pulse_rank, a.pulse_entry_id is distinct from c.current_pulse_entry_id as superseded,
          a.raised_at, a.claimed_by, claimer.name as claimer_name, a.claimed_at, a.escalated_at,
          a.resolved_at, a.resolved_by_entry_id
        from alerts a
        join clients c on c.id = a.client_id and c.org_id = a.org_id
        left join users csm on csm.id = c.assigned_csm_id
        left join users claimer on claimer.id = a.claimed_by
        where ${where}
        order by a.raised_at desc, a.id desc
        limit ${filter.limit} offset ${filter.offset}`,
  );
  const [total] = await rows(db, sql`select count(*)::int as n from alerts a where ${where}`);
  return {
    rows: found.map((r) => ({
      id: r.id as string,
      clientId: r.client_id as string,
      clientName: r.client_name as string,
      csmId: (r.assigned_csm_id as string | null) ?? null,
      csmName: (r.csm_name as string | null) ?? null,
      rank: Number(r.rank),
      currentRank: r.current_pulse_rank === null ? null : Number(r.current_pulse_rank),
      superseded: r.superseded === true,
      raisedAt: date(r.raised_at) as Date,
      claimedById: (r.claimed_by as string | null) ?? null,
      claimedByName: (r.claimer_name as string | null) ?? null,
      claimedAt: date(r.claimed_at),
      escalatedAt: date(r.escalated_at),
      resolvedAt: date(r.resolved_at),
      resolvedByEntryId: (r.resolved_by_entry_id as string | null) ?? null,
    })),
    total: Number(total?.n ?? 0),
  };
}

/** Unclaimed, not yet escalated alerts whose pulse is still the client's current one, in every organization. */
export async function listEscalationCandidates(db: Db) {
  const found = await rows(
    db,
    sql`select a.id, a.org_id, a.client_id, a.rank, a.raised_at, c.name as client_name
        from alerts a join clients c on c.id = a.client_id and c.org_id = a.org_id
        where a.claimed_at is null and a.escalated_at is null and a.resolved_at is null and c.archived_at is null
          and a.pulse_entry_id = c.current_pulse_entry_id
        order by a.org_id, a.raised_at`,
  );
  return found.map((r) => ({
    id: r.id as string,
    orgId: r.org_id as string,
    clientId: r.client_id as string,
    clientName: r.client_name as string,
    rank: Number(r.rank),
    raisedAt: date(r.raised_at) as Date,
  }));
}

/** Marks the alert escalated once; false when it was claimed or escalated meanwhile. */
export async function markEscalated(db: Db, orgId: string, alertId: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(alerts)
    .set({ escalatedAt: now })
    .where(
      and(
        eq(alerts.orgId, orgId),
        eq(alerts.id, alertId),
        isNull(alerts.escalatedAt),
        isNull(alerts.claimedBy),
        isNull(alerts.resolvedAt),
      ),
    )
    .returning({ id: alerts.id });
  return updated.length > 0;
}

/** Records that the organization's webhook accepted the alert. */
export async function markWebhookDelivered(db: Db, orgId: string, alertId: string, now: Date) {
  await db
    .update(alerts)
    .set({ webhookDeliveredAt: now })
    .where(and(eq(alerts.orgId, orgId), eq(alerts.id, alertId), isNull(alerts.webhookDeliveredAt)));
}
