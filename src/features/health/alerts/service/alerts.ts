import { AppError, forbidden, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import { roleAtLeast } from "../../../../kernel/roles.js";
import type { AppContext } from "../../../../platform/context.js";
import { getClient } from "../../clients/service.js";
import { presentAlert } from "../alert-presenter.js";
import { type Alert, type AlertList, AlertListQuery } from "../contract.js";
import * as store from "../store.js";

export async function listAlerts(ctx: AppContext, orgId: string, query: AlertListQuery): Promise<AlertList> {
  const filter = AlertListQuery.parse(query);
  const { rows, total } = await store.listAlerts(ctx.database.db, orgId, filter);
  return { alerts: rows.map(presentAlert), total };
}

export async function getAlert(ctx: AppContext, orgId: string, alertId: string): Promise<Alert> {
  const { rows } = await store.listAlerts(ctx.database.db, orgId, { status: "all", limit: 1, offset: 0, alertId });
  const [row] = rows;
  if (!row) throw notFound("Alert");
  return presentAlert(row);
}

/** Issue 5: managers, admins and owners may claim any alert; a member only the alerts of their own clients. */
export async function claimAlert(ctx: AppContext, actor: Actor, orgId: string, alertId: string): Promise<Alert> {
  const db = ctx.database.db;
  const alert = await store.findAlert(db, orgId, alertId);
  if (!alert) throw notFound("Alert");
  const role = actor.memberships.get(orgId);
  if (!role || !roleAtLeast(role, "manager")) {
    const client = await getClient(ctx, orgId, alert.clientId);
    if (client.assignedCsmId !== actor.userId) {
      throw forbidden("Only the client's CSM, managers, admins and owners can claim this alert.");
    }
  }
  if (alert.claimedBy !== actor.userId) {
    const claimed = alert.claimedBy
      ? undefined
      : await store.claimAlert(db, orgId, alertId, actor.userId, ctx.clock.now());
    if (!claimed) {
      const current = await getAlert(ctx, orgId, alertId);
      throw new AppError("conflict", `${current.claimedBy?.name ?? "Someone"} already claimed this alert.`);
    }
  }
  return getAlert(ctx, orgId, alertId);
}
