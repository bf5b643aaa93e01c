import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import type { CLIENT_ALIASES, USAGE_ALIASES } from "./column-mapping.js";
import { type ImportJob, type ImportReport, SYNC_IMPORT_ROWS } from "./contract.js";
import { importRunEvent } from "./events.js";
import * as jobsStore from "./jobs-store.js";
import { type CsvTable, readCsv } from "./read-csv.js";
import {
  clientMapping,
  type ImportOptions,
  type ImportProgress,
  importClients,
  importUsageFigures,
  NO_PROGRESS,
  usageMapping,
} from "./service.js";

export type ImportKind = "clients" | "usage";
type Options = ImportOptions<string>;

/** How many times the job runner tries an import before it reports it failed (nothing saved). */
export const IMPORT_RETRY_LIMIT = 2;

function run(ctx: AppContext, orgId: string, kind: ImportKind, table: CsvTable, options: Options, p: ImportProgress) {
  return kind === "clients"
    ? importClients(ctx, orgId, table, options as ImportOptions<keyof typeof CLIENT_ALIASES>, p)
    : importUsageFigures(ctx, orgId, table, options as ImportOptions<keyof typeof USAGE_ALIASES>, p);
}

/**
 * Reads the file and checks its mapping at once (so a wrong file is refused in the answer). Files of up
 * to SYNC_IMPORT_ROWS rows are imported in the request; larger ones are stored with a job that runs them,
 * and the caller polls the job for progress and the report.
 */
export async function startImport(
  ctx: AppContext,
  actorId: string,
  orgId: string,
  kind: ImportKind,
  csv: string,
  options: Options,
): Promise<{ report: ImportReport } | { job: ImportJob }> {
  const table = readCsv(csv);
  if (kind === "clients") clientMapping(table, options as ImportOptions<keyof typeof CLIENT_ALIASES>);
  else usageMapping(table, options as ImportOptions<keyof typeof USAGE_ALIASES>);
  if (table.records.length <= SYNC_IMPORT_ROWS) {
    return { report: await run(ctx, orgId, kind, table, options, NO_PROGRESS) };
  }
  const now = ctx.clock.now();
  const importId = await ctx.database.db.transaction(async (tx) => {
    const id = await jobsStore.insertImportJob(tx, {
      orgId,
      createdBy: actorId,
      kind,
      mode: options.mode,
      dryRun: options.dryRun,
      options: { mapping: options.mapping, dateOrder: options.dateOrder },
      status: "queued",
      totalRows: table.records.length,
      csv,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.jobs.send(importRunEvent, { importId: id }, { tx });
    return id;
  });
  return { job: await getImportJob(ctx, orgId, importId) };
}

/** Checking is the first half of an import and all of a dry run; saving is the second half. */
function percentOf(row: Pick<jobsStore.ImportJobRow, "status" | "dryRun" | "totalRows" | "processedRows">) {
  const share = row.totalRows ? Math.min(1, row.processedRows / row.totalRows) : 1;
  switch (row.status) {
    case "queued":
      return 0;
    case "validating":
      return Math.floor(share * (row.dryRun ? 100 : 50));
    case "writing":
      return 50 + Math.floor(share * 50);
    default:
      return 100;
  }
}

/** A large import's progress, and its report once done; another organization's imports do not exist. */
export async function getImportJob(ctx: AppContext, orgId: string, importId: string): Promise<ImportJob> {
  const row = await jobsStore.findOrgImportJob(ctx.database.db, orgId, importId);
  if (!row) throw notFound("Import");
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    dryRun: row.dryRun,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    percent: percentOf(row),
    report: (row.report as ImportReport | null) ?? null,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Runs a stored import. Its report and status "done" commit with the imported rows, so a job that runs
 * again (a retry, a second delivery) finds the import done and writes nothing twice; a run that dies
 * before its commit saved nothing and starts over.
 */
export async function runImportJob(ctx: AppContext, importId: string, attempt: number): Promise<void> {
  const { db } = ctx.database;
  const row = await jobsStore.findImportJob(db, importId);
  if (!row || row.status === "done" || row.status === "failed" || row.csv === null) return;
  const stamp = () => ({ updatedAt: ctx.clock.now() });
  const fail = (failure: string) =>
    jobsStore.updateImportJob(db, importId, { status: "failed", failure, csv: null, finishedAt: ctx.clock.now() });
  const progress: ImportProgress = {
    phase: async (status, processedRows, inTransaction) => {
      // PGlite is one connection, which the write transaction holds: its progress shows when it commits.
      if (inTransaction && ctx.database.kind === "pglite") return;
      await jobsStore.updateImportJob(db, importId, { status, processedRows, ...stamp() });
    },
    finish: (tx, report) =>
      jobsStore.updateImportJob(tx, importId, {
        status: "done",
        processedRows: report.totalRows,
        report,
        csv: null,
        finishedAt: ctx.clock.now(),
        ...stamp(),
      }),
  };
  try {
    await jobsStore.updateImportJob(db, importId, { status: "validating", processedRows: 0, ...stamp() });
    const options: Options = { mode: row.mode, dryRun: row.dryRun, ...row.options };
    await run(ctx, row.orgId, row.kind, readCsv(row.csv), options, progress);
  } catch (error) {
    if (error instanceof AppError) return fail(error.message);
    if (attempt >= IMPORT_RETRY_LIMIT) return fail("The import stopped unexpectedly; nothing was saved.");
    throw error;
  }
}
