import { notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import { presentNotification } from "../alert-presenter.js";
import {
  type Notification,
  type NotificationList,
  NotificationListQuery,
  type NotificationPreferences,
} from "../contract.js";
import * as store from "../store.js";

/** The signed-in person's inbox in one organization, newest first, with the unread count. */
export async function listMyNotifications(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const { unread, limit } = NotificationListQuery.parse(query);
  const db = ctx.database.db;
  const rows = await store.listNotifications(db, orgId, actor.userId, { unreadOnly: unread === "true", limit });
  return {
    notifications: rows.map(presentNotification),
    unreadCount: await store.countUnread(db, orgId, actor.userId),
  };
}

export async function markNotificationRead(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  notificationId: string,
): Promise<Notification> {
  const db = ctx.database.db;
  await store.markRead(db, orgId, actor.userId, ctx.clock.now(), notificationId);
  const row = await store.findNotification(db, orgId, actor.userId, notificationId);
  if (!row) throw notFound("Notification");
  return presentNotification(row);
}

export async function markAllNotificationsRead(ctx: AppContext, actor: Actor, orgId: string) {
  return { updated: await store.markRead(ctx.database.db, orgId, actor.userId, ctx.clock.now()) };
}

export async function getMyPreferences(ctx: AppContext, actor: Actor, orgId: string): Promise<NotificationPreferences> {
  return { emailMode: await store.findEmailMode(ctx.database.db, orgId, actor.userId) };
}

export async function saveMyPreferences(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: NotificationPreferences,
): Promise<NotificationPreferences> {
  await store.saveEmailMode(ctx.database.db, orgId, actor.userId, input.emailMode);
  return getMyPreferences(ctx, actor, orgId);
}
