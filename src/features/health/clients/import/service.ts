import { AppError } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db, Tx } from "../../../../platform/db/database.js";
import { listMembers } from "../../../accounts/organizations/service.js";
import { refreshScore } from "../../pulses/service.js";
import { applyClientUpdate, insertClientWithHistory } from "../service.js";
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
/** Rows between two progress reports. */
export const PROGRESS_EVERY = 1000;

/**
 * How a running import tells the world how far it got. `phase` is called every PROGRESS_EVERY rows;
 * while writing it is called from inside the write transaction (`inTransaction`), after a first call
 * with 0 rows just before it starts. `finish` receives the final report inside the transaction that
 * writes the rows (or alone, when nothing is written), so both commit together.
 */
export type ImportProgress = {
  phase: (status: "validating" | "writing", processed: number, inTransaction?: boolean) => Promise<void>;
  finish: (db: Db, report: ImportReport) => Promise<void>;
};
export const NO_PROGRESS: ImportProgress = { phase: async () => {}, finish: async () => {} };

/** Maps items in chunks, reporting progress after each chunk. */
async function mapInChunks<T, R>(items: T[], fn: (item: T) => R, progress: ImportProgress): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PROGRESS_EVERY) {
    for (const item of items.slice(i, i + PROGRESS_EVERY)) out.push(fn(item));
    await progress.phase("validating", Math.min(items.length, i + PROGRESS_EVERY));
  }
  return out;
}

/** Thrown inside the transaction to undo an all-or-nothing import that met a row it could not save. */
class RollBack extends Error {
  constructor(readonly rowError: ImportRowError) {
    super("import rolled back");
  }
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
    ...(outcome === "rejected" ? { created: 0, updated: 0, unchanged: 0 } : counts),
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
 * others create one. all_or_nothing saves every row or none (every row is validated first, then all are
 * written in one transaction); valid_rows_only saves the valid rows and reports the rest; a dry run
 * reports what would happen and writes nothing.
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
  if (options.mode === "all_or_nothing") {
    if (plan.errors.length) return finishAlone(done("rejected", plan.errors, []));
    const result = done("imported", [], plan.rows);
    await progress.phase("writing", 0);
    try {
      await db.transaction(async (tx) => {
        for (const [i, planned] of plan.rows.entries()) {
          try {
            await applyRow(tx, ctx, orgId, planned);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            throw new RollBack(rowError(planned.row, error, mapping.columnOf));
          }
          if ((i + 1) % PROGRESS_EVERY === 0) await progress.phase("writing", i + 1, true);
        }
        await progress.finish(tx, result);
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      return finishAlone(done("rejected", [error.rowError], []));
    }
    return result;
  }
  const failed: ImportRowError[] = [];
  const saved: PlannedRow[] = [];
  let result: ImportReport | undefined;
  await progress.phase("writing", 0);
  await db.transaction(async (tx) => {
    for (const [i, planned] of plan.rows.entries()) {
      try {
        // A savepoint per row: a row the service refuses is undone alone.
        await tx.transaction((row) => applyRow(row, ctx, orgId, planned));
        saved.push(planned);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed.push(rowError(planned.row, error, mapping.columnOf));
      }
      if ((i + 1) % PROGRESS_EVERY === 0) await progress.phase("writing", i + 1, true);
    }
    result = done(
      "imported",
      [...plan.errors, ...failed].sort((a, b) => a.row - b.row),
      saved,
    );
    await progress.finish(tx, result);
  });
  return result as ImportReport;
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
  if (options.mode === "all_or_nothing" && plan.errors.length) return finishAlone(done("rejected", plan.errors));
  const result = done("imported", plan.errors);
  await progress.phase("writing", 0);
  await db.transaction(async (tx) => {
    // Progress: saving the figures is the first half of the writing, refreshing the scores the second.
    const half = plan.writes.length / 2;
    await store.upsertUsageFigures(tx, orgId, plan.writes, (n) => progress.phase("writing", Math.floor(n / 2), true));
    const touched = [...new Set(plan.writes.map((w) => w.clientId))];
    for (const [i, clientId] of touched.entries()) {
      await refreshScore(tx, ctx, orgId, clientId);
      if ((i + 1) % PROGRESS_EVERY === 0) {
        await progress.phase("writing", Math.floor(half + (half * (i + 1)) / touched.length), true);
      }
    }
    await progress.finish(tx, result);
  });
  return result;
}
