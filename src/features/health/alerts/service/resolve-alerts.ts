import type { AppContext } from "../../../../platform/context.js";
import type { PulseSetPayload } from "../../pulses/events.js";
import { getHealthSettings } from "../../settings/store.js";
import * as store from "../store.js";

/**
 * Handles pulse.set: a pulse above the organization's threshold that is the client's current pulse
 * resolves the client's unresolved alerts ("recovered", with that entry), so they leave the open list
 * and no longer escalate. A back-dated or superseded entry resolves nothing. Returns the resolved ids.
 */
export async function resolveRecoveredAlerts(ctx: AppContext, event: PulseSetPayload): Promise<string[]> {
  const db = ctx.database.db;
  const { orgId, clientId, entryId } = event;
  const settings = await getHealthSettings(db, orgId);
  if (event.rank <= settings.alertThresholdRank) return [];
  if (!(await store.isCurrentEntry(db, orgId, clientId, entryId))) return [];
  return store.resolveAlerts(db, orgId, clientId, entryId, ctx.clock.now());
}
