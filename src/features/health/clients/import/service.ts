import { AppError } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Tx } from "../../../../platform/db/database.js";
import { listMembers } from "../../../accounts/organizations/service.js";
import { refreshScore } from "../../pulses/service.js";
import { applyClientUpdate, insertClientWithHistory } from "../service.js";
import { type PlannedRow, planClientImport } from "./client-plan.js";
import { parseClientRow } from "./client-row.js";
import { CLIENT_ALIASES, resolveMapping, USAGE_ALIASES } from "./column-mapping.js";
import type { ImportMode, ImportReport, ImportRowError } from "./contract.js";
import type { DateOrder } from "./parse-date.js";
import { readCsv } from "./read-csv.js";
import * as store from "./store.js";
import { figureKey, parseUsageRow, planUsageImport } from "./usage-plan.js";

export type ImportOptions<F extends string> = {
  mode: ImportMode;
  dryRun: boolean;
  mapping?: Record<string, F | "ignore">;
  dateOrder: DateOrder;
};

const MAX_LISTED_ERRORS = 1000;

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

/**
 * Imports clients from CSV. Rows matching a client by external id update it (keeping dated history),
 * others create one. all_or_nothing saves every row or none; valid_rows_only saves the valid rows and
 * reports the rest; a dry run reports what would happen and writes nothing.
 */
export async function importClients(
  ctx: AppContext,
  orgId: string,
  csv: string,
  options: ImportOptions<keyof typeof CLIENT_ALIASES>,
): Promise<ImportReport> {
  const { db } = ctx.database;
  const table = readCsv(csv);
  const mapping = resolveMapping(table.header, options.mapping, CLIENT_ALIASES);
  if (mapping.indexOf.name === undefined && mapping.indexOf.externalId === undefined) {
    throw new AppError("invalid_input", "Map a column to the client's name or external id.", {
      fields: { mapping: "needs a name or externalId column" },
    });
  }
  const members = (await listMembers(ctx, orgId)).members;
  const context = {
    membersByEmail: new Map(members.map((m) => [m.email.toLowerCase(), m.userId])),
    dateOrder: options.dateOrder,
  };
  const parsed = table.records.map((r) => parseClientRow(r.row, r.cells, mapping, context));
  const externalIds = parsed.flatMap((p) => (p.changes.externalId ? [p.changes.externalId] : []));
  const existing = await store.findClientsByExternalIds(db, orgId, externalIds);
  const plan = planClientImport(parsed, new Map(existing.map((c) => [c.externalId as string, c])), mapping.columnOf);
  const done = (outcome: ImportReport["outcome"], errors: ImportRowError[], rows: PlannedRow[]) =>
    report(options, outcome, mapping.columns, table.records.length, errors, tally(rows.map((r) => r.kind)));

  if (options.dryRun) return done("dry_run", plan.errors, plan.rows);
  if (options.mode === "all_or_nothing") {
    if (plan.errors.length) return done("rejected", plan.errors, []);
    try {
      await db.transaction(async (tx) => {
        for (const planned of plan.rows) {
          try {
            await applyRow(tx, ctx, orgId, planned);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            throw new RollBack(rowError(planned.row, error, mapping.columnOf));
          }
        }
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      return done("rejected", [error.rowError], []);
    }
    return done("imported", [], plan.rows);
  }
  const failed: ImportRowError[] = [];
  const saved: PlannedRow[] = [];
  await db.transaction(async (tx) => {
    for (const planned of plan.rows) {
      try {
        // A savepoint per row: a row the service refuses is undone alone.
        await tx.transaction((row) => applyRow(row, ctx, orgId, planned));
        saved.push(planned);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed.push(rowError(planned.row, error, mapping.columnOf));
      }
    }
  });
  return done(
    "imported",
    [...plan.errors, ...failed].sort((a, b) => a.row - b.row),
    saved,
  );
}

/**
 * Imports usage figures (client external id, metric, week start, value), replacing the value of a
 * figure already kept for that client, metric and week; the clients' SuccessScores are refreshed.
 */
export async function importUsageFigures(
  ctx: AppContext,
  orgId: string,
  csv: string,
  options: ImportOptions<keyof typeof USAGE_ALIASES>,
): Promise<ImportReport> {
  const { db } = ctx.database;
  const table = readCsv(csv);
  const mapping = resolveMapping(table.header, options.mapping, USAGE_ALIASES);
  const missing = (Object.keys(USAGE_ALIASES) as (keyof typeof USAGE_ALIASES)[]).filter(
    (f) => mapping.indexOf[f] === undefined,
  );
  if (missing.length) {
    throw new AppError("invalid_input", `Map a column to each of: ${missing.join(", ")}.`, {
      fields: Object.fromEntries(missing.map((f) => [`mapping.${f}`, "needs a column"])),
    });
  }
  const parsed = table.records.map((r) => parseUsageRow(r.row, r.cells, mapping, options.dateOrder));
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
  if (options.dryRun) return done("dry_run", plan.errors);
  if (options.mode === "all_or_nothing" && plan.errors.length) return done("rejected", plan.errors);
  await db.transaction(async (tx) => {
    await store.upsertUsageFigures(tx, orgId, plan.writes);
    for (const clientId of new Set(plan.writes.map((w) => w.clientId))) await refreshScore(tx, ctx, orgId, clientId);
  });
  return done("imported", plan.errors);
}
