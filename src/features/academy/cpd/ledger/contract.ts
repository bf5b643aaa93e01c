import type { CpdSource } from "./schema.js";

export { CPD_SOURCES, type CpdSource } from "./schema.js";

/** What a CPD part asks the ledger to record (minutes > 0; reversals go through reverseCpdEntry). */
export type CpdEntryInput = {
  userId: string;
  /** The program the minutes count for (CCSMP for Level 5); its key or id. */
  program: { key: string } | { id: string };
  source: CpdSource;
  /** Idempotency key, unique across the ledger: `library:<itemId>:<userId>`, `event:<eventId>:<userId>`, ... */
  sourceKey: string;
  itemId?: string | null;
  title: string;
  assetType: string;
  activityType: string;
  minutes: number;
  /** An instant (converted to the learner's local date) or a local date YYYY-MM-DD. */
  occurredAt: Date | string;
  statementId?: string | null;
  recordedBy?: string | null;
  note?: string | null;
  launchPath?: string | null;
  meta?: Record<string, unknown> | null;
};

export type CpdEntry = {
  id: string;
  userId: string;
  programId: string;
  source: CpdSource;
  sourceKey: string;
  itemId: string | null;
  title: string;
  assetType: string;
  activityType: string;
  minutes: number;
  occurredOn: string;
  statementId: string | null;
  reversesEntryId: string | null;
  recordedBy: string | null;
  note: string | null;
  launchPath: string | null;
  recordedAt: Date;
};

export type RecordOutcome = { entry: CpdEntry; created: boolean };
