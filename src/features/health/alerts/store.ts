import { and, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { alerts, notificationPreferences, notifications } from "./schema.js";

// Reads of other features' tables (clients, pulse entries, users) are plain SQL, as the reports do:
// this feature never writes them.

type Row = Record<string, unknown>;
const rows = async (db: Db, query: SQL): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const uuids = (ids: readonly string[]) => sql`${sql.param(ids)}::uuid[]`;

export type AlertRow = typeof alerts.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type EmailMode = (typeof notificationPreferences.$inferSelect)["emailMode"];

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
};

const STATUS_WHERE = {
  open: sql`a.claimed_at is null`,
  claimed: sql`a.claimed_at is not null`,
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
          a.raised_at, a.claimed_by, claimer.name as claimer_name, a.claimed_at, a.escalated_at
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
        where a.claimed_at is null and a.escalated_at is null and c.archived_at is null
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
export async function markEscalated(db: Db, alertId: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(alerts)
    .set({ escalatedAt: now })
    .where(and(eq(alerts.id, alertId), isNull(alerts.escalatedAt), isNull(alerts.claimedBy)))
    .returning({ id: alerts.id });
  return updated.length > 0;
}

// ---- people ----

export type Recipient = { userId: string; email: string; name: string; emailMode: EmailMode };

/** Each person's address and e-mail choice in this organization (realtime when they never chose). */
export async function listRecipients(db: Db, orgId: string, userIds: readonly string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const found = await rows(
    db,
    sql`select u.id, u.email, u.name, coalesce(p.email_mode, 'realtime') as email_mode
        from users u left join notification_preferences p on p.user_id = u.id and p.org_id = ${orgId}
        where u.id = any(${uuids(userIds)})`,
  );
  return found.map((r) => ({
    userId: r.id as string,
    email: r.email as string,
    name: r.name as string,
    emailMode: r.email_mode as EmailMode,
  }));
}

export async function findUserName(db: Db, userId: string): Promise<string | null> {
  const [row] = await rows(db, sql`select name from users where id = ${userId}`);
  return (row?.name as string | undefined) ?? null;
}

export async function findEmailMode(db: Db, orgId: string, userId: string): Promise<EmailMode> {
  const [row] = await db
    .select({ emailMode: notificationPreferences.emailMode })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, orgId), eq(notificationPreferences.userId, userId)));
  return row?.emailMode ?? "realtime";
}

export async function saveEmailMode(db: Db, orgId: string, userId: string, emailMode: EmailMode) {
  await db
    .insert(notificationPreferences)
    .values({ orgId, userId, emailMode })
    .onConflictDoUpdate({
      target: [notificationPreferences.orgId, notificationPreferences.userId],
      set: { emailMode },
    });
}

// ---- notifications ----

/** Inserts an inbox item once per (person, kind, subject); undefined when it already exists. */
export async function insertNotification(db: Db, values: typeof notifications.$inferInsert) {
  const [row] = await db
    .insert(notifications)
    .values(values)
    .onConflictDoNothing({ target: [notifications.userId, notifications.kind, notifications.subjectKey] })
    .returning();
  return row;
}

/** Marks items mailed and returns the ids that were not mailed before (a concurrent run gets none). */
export async function markEmailed(db: Db, userId: string, ids: readonly string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const updated = await db
    .update(notifications)
    .set({ emailedAt: now })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, [...ids]), isNull(notifications.emailedAt)))
    .returning({ id: notifications.id });
  return updated.map((r) => r.id);
}

export async function listNotifications(
  db: Db,
  orgId: string,
  userId: string,
  filter: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  const mine = and(eq(notifications.orgId, orgId), eq(notifications.userId, userId));
  return db
    .select()
    .from(notifications)
    .where(filter.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(filter.limit);
}

export async function countUnread(db: Db, orgId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function findNotification(db: Db, orgId: string, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), eq(notifications.id, id)));
  return row;
}

/** Marks unread items read: one (`id`) or all of the person's in this organization. Returns how many. */
export async function markRead(db: Db, orgId: string, userId: string, now: Date, id?: string): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.orgId, orgId),
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return updated.length;
}

export type DigestRow = NotificationRow & { email: string; orgName: string };

/** Items not mailed yet, created since `since`, in organizations where their person chose the digest. */
export async function listDigestItems(db: Db, since: Date): Promise<DigestRow[]> {
  const found = await rows(
    db,
    sql`select n.id, n.user_id, n.org_id, n.kind, n.subject_key, n.title, n.body, n.link, n.created_at,
          u.email, o.name as org_name
        from notifications n
        join notification_preferences p on p.org_id = n.org_id and p.user_id = n.user_id and p.email_mode = 'digest'
        join users u on u.id = n.user_id
        join organizations o on o.id = n.org_id
        where n.emailed_at is null and n.created_at >= ${since}
        order by n.user_id, n.created_at, n.id`,
  );
  return found.map((r) => ({
    id: r.id as string,
    userId: r.user_id as string,
    orgId: r.org_id as string,
    kind: r.kind as string,
    subjectKey: r.subject_key as string,
    title: r.title as string,
    body: r.body as string,
    link: (r.link as string | null) ?? null,
    createdAt: date(r.created_at) as Date,
    readAt: null,
    emailedAt: null,
    email: r.email as string,
    orgName: r.org_name as string,
  }));
}

// ---- reminders ----

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
