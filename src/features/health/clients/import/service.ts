import { AppError } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db, Tx } from "../../../../platform/db/database.js";
import { listMembers } from "../../../accounts/organizations/service.js";
import { refreshScore } from "../../pulses/service.js";
import { applyClientUpdate, insertClientWithHistory } from "../service.js";
import {
  type Batching,
  type BatchWriterOptions,
  type Checkpoint,
  EMPTY_TALLY,
  ONE_TRANSACTION,
  RowRefused,
  START,
  type WriteItem,
  type WriteTally,
  writeInBatches,
} from "./batch-writer.js";
import { type PlannedRow, planClientImport } from "./client-plan.js";
import { parseClientRow } from "./client-row.js";
import { CLIENT_ALIASES, resolveMapping, USAGE_ALIASES } from "./column-mapping.js";
import type { ImportMode, ImportReport, ImportRowError } from "./contract.js";
import type { DateOrder } from "./parse-date.js";
import type { CsvTable } from "./read-csv.js";
import * as store from "./store.js";
import { figureKey, parseUsageRow, planUsageImport } from "./usage-plan.js";

export type ImportOptions<F extends string> = {
  mode: ImportMode;
  dryRun: boolean;
  mapping?: Record<string, F | "ignore">;
  dateOrder: DateOrder;
};

const MAX_LISTED_ERRORS = 1000;
/** Rows between two progress reports while checking. */
export const PROGRESS_EVERY = 1000;

/**
 * How a running import records how far it got. Every row is checked first (`phase` every PROGRESS_EVERY
 * rows); then the rows are written as `batching` says, starting after `from` (a resumed job). `begin` and
 * `checkpoint` run inside each batch's transaction, first and last: the checkpoint gets the rows reached,
 * how many of the file's rows that covers, and, with the last batch, the final report, so the rows and the
 * record of them commit together. `finish` receives the report when nothing is written (dry run, rejected).
 */
export type ImportProgress = {
  phase: (status: "validating", processed: number) => Promise<void>;
  batching: Batching;
  from: Checkpoint;
  begin?: (tx: Tx, from: Checkpoint) => Promise<void>;
  checkpoint: (tx: Tx, reached: Checkpoint, processedRows: number, report: ImportReport | null) => Promise<void>;
  finish: (db: Db, report: ImportReport) => Promise<void>;
};
/** A request's own import: no progress, one transaction. */
export const NO_PROGRESS: ImportProgress = {
  phase: async () => {},
  batching: ONE_TRANSACTION,
  from: START,
  checkpoint: async () => {},
  finish: async () => {},
};

/** Maps items in chunks, reporting progress after each chunk. */
async function mapInChunks<T, R>(items: T[], fn: (item: T) => R, progress: ImportProgress): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PROGRESS_EVERY) {
    for (const item of items.slice(i, i + PROGRESS_EVERY)) out.push(fn(item));
    await progress.phase("validating", Math.min(items.length, i + PROGRESS_EVERY));
  }
  return out;
}

/** An import that stopped part-way: says what was saved, so nothing is half imported silently. */
function stopped(refused: ImportRowError, committed: Checkpoint) {
  const { created, updated } = committed.tally;
  return new AppError(
    "rule_broken",
    `Row ${refused.row} (${refused.column}) could not be saved: ${refused.reason}. The rows before it were saved (${created} created, ${updated} updated); that row and the ones after it were not.`,
    { fields: { [`row.${refused.row}`]: refused.reason } },
  );
}

/**
 * Writes the checked rows in batches and returns the report of the whole import. all_or_nothing stops
 * at a row the service refuses: with nothing committed yet the import is rejected (nothing saved),
 * otherwise it fails saying which rows were saved.
 */
async function writeRows<I extends WriteItem>(
  ctx: AppContext,
  table: CsvTable,
  items: I[],
  progress: ImportProgress,
  writer: Pick<BatchWriterOptions<I>, "applyRow" | "refusal" | "afterBatch"> & { mode: ImportMode },
  reportOf: (outcome: ImportReport["outcome"], tally: WriteTally) => ImportReport,
): Promise<ImportReport> {
  const { db } = ctx.database;
  const covered = new Map(table.records.map((r, i) => [r.row, i + 1]));
  let result: ImportReport | undefined;
  try {
    await writeInBatches(db, items, {
      ...writer,
      batching: progress.batching,
      from: progress.from,
      onRefused: writer.mode === "valid_rows_only" ? "skip" : "stop",
      begin: progress.begin,
      commit: async (tx, reached, last) => {
        result = last ? reportOf("imported", reached.tally) : undefined;
        const processed = last ? table.records.length : (covered.get(reached.row) ?? 0);
        await progress.checkpoint(tx, reached, processed, result ?? null);
      },
    });
  } catch (error) {
    if (!(error instanceof RowRefused)) throw error;
    if (error.committed.row > 0) throw stopped(error.rowError, error.committed);
    const rejected = reportOf("rejected", { ...EMPTY_TALLY, errors: [error.rowError] });
    await progress.finish(db, rejected);
    return rejected;
  }
  return result as ImportReport;
}

type Tally = { created: number; updated: number; unchanged: number };
const tally = (kinds: string[]): Tally => ({
  created: kinds.filter((k) => k === "create").length,
  updated: kinds.filter((k) => k === "update").length,
  unchanged: kinds.filter((k) => k === "unchanged").length,
});

function report(
  options: ImportOptions<string>,
  outcome: ImportReport["outcome"],
  columns: ImportReport["columns"],
  totalRows: number,
  errors: ImportRowError[],
  counts: Tally,
): ImportReport {
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  return {
    dryRun: options.dryRun,
    mode: options.mode,
    outcome,
    columns,
    totalRows,
    validRows: totalRows - invalidRows,
    invalidRows,
    ...(outcome === "rejected"
      ? { created: 0, updated: 0, unchanged: 0 }
      : { created: counts.created, updated: counts.updated, unchanged: counts.unchanged }),
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errorsTruncated: errors.length > MAX_LISTED_ERRORS,
  };
}

/** An AppError from the client service, as the row's error on the column that caused it. */
function rowError(row: number, error: AppError, columnOf: (field: "externalId" | "csmEmail" | "name") => string) {
  const [field, reason] = Object.entries(error.fields ?? {})[0] ?? ["name", error.message];
  const column =
    field === "assignedCsmId" ? columnOf("csmEmail") : field === "externalId" ? columnOf("externalId") : field;
  return { row, column, reason };
}

async function applyRow(tx: Tx, ctx: AppContext, orgId: string, planned: PlannedRow) {
  if (planned.kind === "create") await insertClientWithHistory(tx, ctx, orgId, planned.input);
  if (planned.kind === "update") await applyClientUpdate(tx, ctx, orgId, planned.clientId, planned.input);
}

/** Checks that the mapping names what a client import needs; throws before anything is queued or read further. */
export function clientMapping(table: CsvTable, options: ImportOptions<keyof typeof CLIENT_ALIASES>) {
  const mapping = resolveMapping(table.header, options.mapping, CLIENT_ALIASES);
  if (mapping.indexOf.name === undefined && mapping.indexOf.externalId === undefined) {
    throw new AppError("invalid_input", "Map a column to the client's name or external id.", {
      fields: { mapping: "needs a name or externalId column" },
    });
  }
  return mapping;
}

/** Checks that every usage field has a column. */
export function usageMapping(table: CsvTable, options: ImportOptions<keyof typeof USAGE_ALIASES>) {
  const mapping = resolveMapping(table.header, options.mapping, USAGE_ALIASES);
  const missing = (Object.keys(USAGE_ALIASES) as (keyof typeof USAGE_ALIASES)[]).filter(
    (f) => mapping.indexOf[f] === undefined,
  );
  if (missing.length) {
    throw new AppError("invalid_input", `Map a column to each of: ${missing.join(", ")}.`, {
      fields: Object.fromEntries(missing.map((f) => [`mapping.${f}`, "needs a column"])),
    });
  }
  return mapping;
}

/**
 * Imports clients from CSV. Rows matching a client by external id update it (keeping dated history),
 * others create one. Every row is checked before the first write. all_or_nothing writes only a file
 * without errors (a request's file in one transaction; a job's in batches that resume from the last
 * committed one); valid_rows_only saves the valid rows and reports the rest; a dry run reports what would
 * happen and writes nothing.
 */
export async function importClients(
  ctx: AppContext,
  orgId: string,
  table: CsvTable,
  options: ImportOptions<keyof typeof CLIENT_ALIASES>,
  progress: ImportProgress = NO_PROGRESS,
): Promise<ImportReport> {
  const { db } = ctx.database;
  const mapping = clientMapping(table, options);
  const members = (await listMembers(ctx, orgId)).members;
  const context = {
    membersByEmail: new Map(members.map((m) => [m.email.toLowerCase(), m.userId])),
    dateOrder: options.dateOrder,
  };
  const parsed = await mapInChunks(table.records, (r) => parseClientRow(r.row, r.cells, mapping, context), progress);
  const externalIds = parsed.flatMap((p) => (p.changes.externalId ? [p.changes.externalId] : []));
  const existing = await store.findClientsByExternalIds(db, orgId, externalIds);
  const plan = planClientImport(parsed, new Map(existing.map((c) => [c.externalId as string, c])), mapping.columnOf);
  const done = (outcome: ImportReport["outcome"], errors: ImportRowError[], rows: PlannedRow[]) =>
    report(options, outcome, mapping.columns, table.records.length, errors, tally(rows.map((r) => r.kind)));
  const finishAlone = async (result: ImportReport) => {
    await progress.finish(db, result);
    return result;
  };

  if (options.dryRun) return finishAlone(done("dry_run", plan.errors, plan.rows));
  // A resumed job has written the rows up to its checkpoint: only errors after it can still stop it.
  const ahead = plan.errors.filter((e) => e.row > progress.from.row);
  if (options.mode === "all_or_nothing" && ahead.length) {
    if (progress.from.row === 0) return finishAlone(done("rejected", plan.errors, []));
    throw stopped(ahead[0] as ImportRowError, progress.from);
  }
  return writeRows(
    ctx,
    table,
    plan.rows,
    progress,
    {
      mode: options.mode,
      applyRow: (tx, planned) => applyRow(tx, ctx, orgId, planned),
      refusal: (planned, error) => rowError(planned.row, error, mapping.columnOf),
    },
    (outcome, written) =>
      report(
        options,
        outcome,
        mapping.columns,
        table.records.length,
        outcome === "rejected" ? written.errors : [...plan.errors, ...written.errors].sort((a, b) => a.row - b.row),
        written,
      ),
  );
}

/**
 * Imports usage figures (client external id, metric, week start, value), replacing the value of a
 * figure already kept for that client, metric and week; the clients' SuccessScores are refreshed.
 */
export async function importUsageFigures(
  ctx: AppContext,
  orgId: string,
  table: CsvTable,
  options: ImportOptions<keyof typeof USAGE_ALIASES>,
  progress: ImportProgress = NO_PROGRESS,
): Promise<ImportReport> {
  const { db } = ctx.database;
  const mapping = usageMapping(table, options);
  const parsed = await mapInChunks(
    table.records,
    (r) => parseUsageRow(r.row, r.cells, mapping, options.dateOrder),
    progress,
  );
  const externalIds = parsed.flatMap((p) => (p.externalId ? [p.externalId] : []));
  const clients = await store.findClientsByExternalIds(db, orgId, externalIds);
  const clientIdOf = new Map(clients.map((c) => [c.externalId as string, c.id]));
  const candidates = parsed.flatMap((p) => {
    const clientId = p.externalId ? clientIdOf.get(p.externalId) : undefined;
    return clientId && p.metric && p.weekStart
      ? [{ clientId, metric: p.metric, weekStart: p.weekStart, value: 0 }]
      : [];
  });
  const stored = new Map((await store.findUsageFigures(db, orgId, candidates)).map((f) => [figureKey(f), f.value]));
  const plan = planUsageImport(parsed, clientIdOf, stored, mapping.columnOf);
  const done = (outcome: ImportReport["outcome"], errors: ImportRowError[]) =>
    report(options, outcome, mapping.columns, table.records.length, errors, plan.counts);
  const finishAlone = async (result: ImportReport) => {
    await progress.finish(db, result);
    return result;
  };
  if (options.dryRun) return finishAlone(done("dry_run", plan.errors));
  if (options.mode === "all_or_nothing" && plan.errors.length) {
    if (progress.from.row === 0) return finishAlone(done("rejected", plan.errors));
    throw stopped(plan.errors[0] as ImportRowError, progress.from);
  }
  return writeRows(
    ctx,
    table,
    plan.items,
    progress,
    {
      mode: "all_or_nothing",
      applyRow: (tx, item) => store.upsertUsageFigures(tx, orgId, [item.figure]),
      refusal: (item, error) => ({ row: item.row, column: mapping.columnOf("value"), reason: error.message }),
      // The scores of the clients a batch touched, in the batch (a client in several batches is refreshed again).
      afterBatch: async (tx, items) => {
        for (const clientId of new Set(items.filter((i) => i.kind !== "unchanged").map((i) => i.figure.clientId))) {
          await refreshScore(tx, ctx, orgId, clientId);
        }
      },
    },
    (outcome, written) =>
      report(options, outcome, mapping.columns, table.records.length, [...plan.errors, ...written.errors], written),
  );
}
