import { stringify } from "csv-stringify/sync";
import { eq } from "drizzle-orm";
import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import { programs } from "../../catalog/schema.js";
import { escapeCell } from "../../teams/csv.js";
import { localDate } from "../cycles/local-date.js";
import type { CpdEntry } from "../ledger/contract.js";
import * as ledger from "../ledger/store.js";
import { assertCpdOpen, CPD_PROGRAM_KEY } from "../library/access.js";
import { type HolderStanding, standingOf } from "../recertification/standing.js";

export const SOURCE_LABELS: Record<string, string> = {
  library: "CPD Library",
  live: "Live learning",
  workshops: "Workshops",
  paths: "CPD Paths",
  external: "External CPD",
  adjustment: "Adjustment",
};

export type CpdRecord = {
  name: string;
  email: string;
  programTitle: string;
  generatedOn: string;
  timeZone: string;
  entries: CpdEntry[];
  standing: HolderStanding | null;
};

/** The learner's whole CPD record (every entry, reversals included) and their recertification standing. */
export async function cpdRecordOf(ctx: AppContext, actor: Actor): Promise<CpdRecord> {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const [program] = await db.select().from(programs).where(eq(programs.key, CPD_PROGRAM_KEY));
  if (!program) throw new AppError("not_found", "CPD is not set up: the CCSMP program is not imported.");
  const timeZone = actor.profile?.timeZone ?? (await ledger.timeZoneOf(db, actor.userId));
  const entries = (await ledger.entriesOf(db, actor.userId, program.id)).map(ledger.toEntry);
  return {
    name: actor.name,
    email: actor.email,
    programTitle: program.title,
    generatedOn: localDate(ctx.clock.now(), timeZone),
    timeZone,
    entries,
    standing: await standingOf(db, actor.userId, ctx.clock.now()),
  };
}

export const CSV_HEADER = [
  "Date",
  "Title",
  "Source",
  "Asset type",
  "Activity type",
  "Minutes",
  "Hours",
  "Reverses entry",
  "Entry id",
];

/** The record as CSV (BOM for Excel, text cells formula-escaped), oldest first, with a total row. */
export function recordCsv(record: CpdRecord): string {
  const rows = record.entries.map((e) => [
    e.occurredOn,
    escapeCell(e.title),
    SOURCE_LABELS[e.source] ?? e.source,
    escapeCell(e.assetType),
    escapeCell(e.activityType),
    String(e.minutes),
    (e.minutes / 60).toFixed(2),
    e.reversesEntryId ?? "",
    e.id,
  ]);
  const total = record.entries.reduce((n, e) => n + e.minutes, 0);
  return stringify([CSV_HEADER, ...rows, ["Total", "", "", "", "", String(total), (total / 60).toFixed(2), "", ""]], {
    bom: true,
  });
}
