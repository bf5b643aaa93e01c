import type { AppContext } from "../../../../platform/context.js";
import { findMembership, listMemberIdsWithRoles, managerOf } from "../../../accounts/organizations/service.js";
import type { PulseSetPayload } from "../../pulses/events.js";
import { getHealthSettings } from "../../settings/store.js";
import { riskAlertText } from "../alert-messages.js";
import { alertRecipients } from "../alert-recipients.js";
import { alertRaisedEvent } from "../events.js";
import * as store from "../store.js";
import { deliverNotification } from "./deliver.js";
import { loadRiskFacts } from "./risk-facts.js";

/** The CSM's manager, while that manager is still a member of the organization. */
async function managerFor(ctx: AppContext, orgId: string, csmId: string | null): Promise<string | null> {
  if (!csmId) return null;
  const managerId = await managerOf(ctx.database.db, orgId, csmId);
  return managerId && (await findMembership(ctx.database.db, orgId, managerId)) ? managerId : null;
}

/**
 * Handles pulse.set: a pulse at or below the organization's threshold that is the client's current
 * pulse raises one alert (one per entry, so a retried job raises nothing new), puts it in the inbox of
 * the CSM's manager and the executives, mails them per their choice and emits alert.raised, all in
 * one transaction. Returns the new alert's id, or null when nothing was raised.
 */
export async function raiseAlert(ctx: AppContext, event: PulseSetPayload): Promise<string | null> {
  const db = ctx.database.db;
  const { orgId, clientId, entryId } = event;
  const settings = await getHealthSettings(db, orgId);
  if (event.rank > settings.alertThresholdRank) return null;
  // A back-dated entry, or one corrected or superseded since, is history, not news.
  if (!(await store.isCurrentEntry(db, orgId, clientId, entryId))) return null;
  const subject = await loadRiskFacts(ctx, orgId, clientId, entryId);
  if (!subject || subject.client.archived) return null;

  const recipientIds = alertRecipients({
    managerId: await managerFor(ctx, orgId, subject.client.assignedCsmId),
    executiveIds: await listMemberIdsWithRoles(db, orgId, ["owner", "admin"]),
    setBy: event.recordedBy,
  });
  const recipients = await store.listRecipients(db, orgId, recipientIds);
  return db.transaction(async (tx) => {
    const alert = await store.insertAlert(tx, {
      orgId,
      clientId,
      pulseEntryId: entryId,
      rank: event.rank,
      raisedAt: ctx.clock.now(),
    });
    if (!alert) return null;
    const text = riskAlertText(subject.facts);
    await deliverNotification(tx, ctx, orgId, recipients, { kind: "risk_alert", subjectKey: alert.id, ...text });
    await ctx.jobs.send(alertRaisedEvent, { orgId, alertId: alert.id }, { tx });
    return alert.id;
  });
}
