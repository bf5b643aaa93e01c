import { levelOfRank } from "../pulses/pulse-levels.js";
import type { Client } from "./contract.js";
import type { ClientWithCsm } from "./store.js";

const DAY_MS = 86_400_000;

/** A client row as the API shows it; `staleAfterDays` decides when a pulse stops counting as current. */
export function presentClient(row: ClientWithCsm, now: Date, staleAfterDays: number): Client {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    clientType: row.clientType,
    assignedCsmId: row.assignedCsmId,
    assignedCsmName: row.assignedCsmName,
    status: row.status,
    arrMinor: row.arrMinor,
    mrrMinor: row.mrrMinor,
    acvMinor: row.acvMinor,
    currency: row.currency,
    nextRenewalDate: row.nextRenewalDate,
    clientSince: row.clientSince,
    contacts: row.contacts,
    tags: row.tags,
    pulse:
      row.currentPulseRank && row.currentPulseAt
        ? {
            level: levelOfRank(row.currentPulseRank),
            rank: row.currentPulseRank,
            effectiveAt: row.currentPulseAt.toISOString(),
            stale: now.getTime() - row.currentPulseAt.getTime() > staleAfterDays * DAY_MS,
          }
        : null,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
