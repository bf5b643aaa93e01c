import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { notificationPreferences, notifications } from "../schema.js";
import { date, rows } from "./raw-rows.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type EmailMode = (typeof notificationPreferences.$inferSelect)["emailMode"];

const uuids = (ids: readonly string[]) => sql`${sql.param(ids)}::uuid[]`;

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
