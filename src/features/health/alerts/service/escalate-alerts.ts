import type { AppContext } from "../../../../platform/context.js";
import { listMemberIdsWithRoles } from "../../../accounts/organizations/service.js";
import { levelOfRank } from "../../pulses/pulse-levels.js";
import { getHealthSettings } from "../../settings/store.js";
import { escalationText } from "../alert-messages.js";
import { escalationDue } from "../escalation.js";
import { groupBy } from "../group-by.js";
import * as store from "../store.js";
import { deliverNotification } from "./deliver.js";

/**
 * Every 15 minutes: an alert nobody claimed within the organization's escalateAfterHours is marked
 * escalated (once) and its owners are told, in one transaction per alert. Returns how many escalated.
 */
export async function escalateDueAlerts(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const byOrg = groupBy(await store.listEscalationCandidates(db), (a) => a.orgId);
  let escalated = 0;
  for (const [orgId, candidates] of byOrg) {
    const { escalateAfterHours: hours } = await getHealthSettings(db, orgId);
    const due = candidates.filter((a) => escalationDue({ ...a, claimedAt: null, escalatedAt: null }, hours, now));
    if (due.length === 0) continue;
    const owners = await store.listRecipients(db, orgId, await listMemberIdsWithRoles(db, orgId, ["owner"]));
    for (const alert of due) {
      await db.transaction(async (tx) => {
        if (!(await store.markEscalated(tx, orgId, alert.id, now))) return;
        escalated++;
        const text = escalationText({
          clientId: alert.clientId,
          clientName: alert.clientName,
          level: levelOfRank(alert.rank),
          hours,
        });
        await deliverNotification(tx, ctx, orgId, owners, { kind: "alert_escalated", subjectKey: alert.id, ...text });
      });
    }
  }
  return escalated;
}
