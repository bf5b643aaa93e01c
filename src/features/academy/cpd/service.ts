/**
 * The CPD area's public API for the rest of the academy (teams, credentials, demo data) and for the CPD
 * components in cpd/paths, cpd/library, cpd/events, cpd/suggestions: record minutes through
 * `recordCpdMinutes`, never by writing the ledger table.
 */

export { ruleSetOf } from "./cycles/rule-sets.js";
export type { CpdEntry, CpdEntryInput, RecordOutcome } from "./ledger/contract.js";
export { CPD_SOURCES, type CpdSource } from "./ledger/contract.js";
export { cpdEntriesOf, recordCpdMinutes, reverseCpdEntry } from "./ledger/service.js";
export { type CpdStanding, cpdStandings, type HeldCertification } from "./recertification/team-standing.js";
