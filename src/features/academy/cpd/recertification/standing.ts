import type { Db } from "../../../../platform/db/database.js";
import { addMonths } from "../../credentials/open-badge.js";
import type { CredentialView } from "../../credentials/store.js";
import * as credentialStore from "../../credentials/store.js";
import { type CycleEntry, type Forecast, forecast, type Recertification, recertification } from "../cycles/cycles.js";
import { localDate } from "../cycles/local-date.js";
import { type CpdRuleSet, ruleSetOf } from "../cycles/rule-sets.js";
import type { CpdEntry } from "../ledger/contract.js";
import * as ledger from "../ledger/store.js";

/** A holder's certification under a rule set with cycles, and where it stands today. */
export type HolderStanding = {
  credential: CredentialView;
  programKey: string;
  rules: CpdRuleSet;
  timeZone: string;
  today: string;
  achievedOn: string;
  entries: CpdEntry[];
  recert: Recertification;
  forecast: Forecast;
};

export const cycleEntries = (entries: readonly CpdEntry[]): CycleEntry[] =>
  entries.map((e) => ({
    id: e.id,
    source: e.source,
    minutes: e.minutes,
    occurredOn: e.occurredOn,
    reversesEntryId: e.reversesEntryId,
  }));

/** The certification CPD keeps current: a certification of a program with cycles, not revoked, oldest first. */
export async function recertifiedCredential(db: Db, userId: string) {
  const all = await credentialStore.listUserCredentials(db, userId);
  const candidates = [];
  for (const c of all) {
    if (c.kind !== "certification" || c.revokedAt || !c.validUntil) continue;
    const key = await ledger.programKeyById(db, c.programId);
    if (!key || ruleSetOf(key).months === null) continue;
    candidates.push({ credential: c, programKey: key });
  }
  candidates.sort((a, b) => a.credential.achievedAt.getTime() - b.credential.achievedAt.getTime());
  return candidates[0];
}

/** Where the holder stands today (null: no certification that needs CPD). */
export async function standingOf(db: Db, userId: string, now: Date): Promise<HolderStanding | null> {
  const found = await recertifiedCredential(db, userId);
  if (!found) return null;
  const rules = ruleSetOf(found.programKey);
  const timeZone = await ledger.timeZoneOf(db, userId);
  const today = localDate(now, timeZone);
  const achievedOn = localDate(found.credential.achievedAt, timeZone);
  const entries = (await ledger.entriesOf(db, userId, found.credential.programId)).map(ledger.toEntry);
  const recert = recertification(rules, achievedOn, cycleEntries(entries), today);
  if (!recert) return null;
  return {
    credential: found.credential,
    programKey: found.programKey,
    rules,
    timeZone,
    today,
    achievedOn,
    entries,
    recert,
    forecast: forecast(recert.remainingMinutes, recert.expiresOn, cycleEntries(entries), today),
  };
}

/**
 * The instant a met cycle ends, as the credentials service counts validity: the achievement instant +
 * months x (index + 1), so renewCertification(cycleEnd) sets validUntil = the end of the next cycle.
 */
export function cycleEndInstant(standing: Pick<HolderStanding, "credential" | "rules">, index: number): Date {
  return addMonths(standing.credential.achievedAt, (standing.rules.months ?? 12) * (index + 1));
}
