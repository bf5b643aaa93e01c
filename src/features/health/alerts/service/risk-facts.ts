import { AppError } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import { getClient } from "../../clients/service.js";
import { getPulseEntry } from "../../pulses/service.js";
import type { RiskFacts } from "../alert-messages.js";

/** The client and the pulse entry an alert is about, or null when either is gone. */
export async function loadRiskFacts(ctx: AppContext, orgId: string, clientId: string, entryId: string) {
  try {
    const client = await getClient(ctx, orgId, clientId);
    const entry = await getPulseEntry(ctx, orgId, clientId, entryId);
    const facts: RiskFacts = {
      clientId: client.id,
      clientName: client.name,
      level: entry.level,
      note: entry.note,
      reasons: entry.reasons.map((r) => r.label),
      setByName: entry.recordedBy,
      csmName: client.assignedCsmName,
    };
    return { client, facts };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
