import type { AppContext } from "../../../../platform/context.js";
import { getHealthSettings } from "../../settings/store.js";
import { reminderText } from "../alert-messages.js";
import { groupBy } from "../group-by.js";
import { pulseReminderCutoff, utcDay } from "../reminders.js";
import * as store from "../store.js";
import { deliverNotification } from "./deliver.js";

/**
 * Daily: each CSM hears which of their clients have had no pulse for the organization's reminderDays.
 * The item's subject is the organization and the UTC day, so a CSM is reminded once a day however
 * often the job runs. Returns how many reminders were delivered.
 */
export async function remindCsms(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const day = utcDay(now);
  let reminded = 0;
  for (const orgId of await store.listOrgIdsWithAssignedClients(db)) {
    const { reminderDays } = await getHealthSettings(db, orgId);
    const byCsm = groupBy(
      await store.listOverdueClients(db, orgId, pulseReminderCutoff(now, reminderDays)),
      (c) => c.csmId,
    );
    if (byCsm.size === 0) continue;
    for (const csm of await store.listRecipients(db, orgId, [...byCsm.keys()])) {
      const clients = (byCsm.get(csm.userId) ?? []).map((c) => ({
        name: c.name,
        lastPulseDay: c.lastPulseAt ? utcDay(c.lastPulseAt) : null,
      }));
      const text = reminderText(clients, reminderDays);
      reminded += await db.transaction((tx) =>
        deliverNotification(tx, ctx, orgId, [csm], { kind: "pulse_reminder", subjectKey: `${orgId}:${day}`, ...text }),
      );
    }
  }
  return reminded;
}
