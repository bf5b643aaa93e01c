import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { AppContext } from "../../../../platform/context.js";
import { type Batching, type Checkpoint, EMPTY_TALLY } from "./batch-writer.js";
import type { CLIENT_ALIASES, USAGE_ALIASES } from "./column-mapping.js";
import { type ImportJob, type ImportReport, SYNC_IMPORT_ROWS } from "./contract.js";
import { importRunEvent } from "./events.js";
import * as jobsStore from "./jobs-store.js";
import { type CsvTable, readCsv, readCsvInSlices } from "./read-csv.js";
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

/** How many times the job runner retries an import (each run resumes where the last one stopped). */
export const IMPORT_RETRY_LIMIT = 5;
/** The running import job renews its lease this often; a dead worker's job is retried within about a minute. */
export const IMPORT_HEARTBEAT_SECONDS = 10;

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

/** Checking is the first half of an import and all of a dry run; saving (batch by batch) is the second half. */
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
 * A job's batches: at most 200 rows, closed after 250 ms, then a 50 ms pause on PGlite (one connection),
 * so requests that arrived during a batch are answered before the next one starts.
 */
export const JOB_BATCHING: Batching = { rows: 200, budgetMs: 250, pauseMs: 50 };

/** Another run of the same import moved it on (or finished it): this run stops without writing. */
class Superseded extends Error {}

const savedSoFar = (row: jobsStore.ImportJobRow | undefined) => {
  const tally = row?.written;
  return row?.writtenToRow && tally
    ? `rows up to row ${row.writtenToRow} were saved (${tally.created} created, ${tally.updated} updated), the rest was not`
    : "nothing was saved";
};

/**
 * Runs a stored import: checks every row, then writes them in batches. Each batch's transaction locks the
 * job's row, checks that writing still stands where this run left it, and moves the checkpoint with the
 * rows; the last one marks the job done with its report. A run after a crash (pg-boss retries the job
 * once its heartbeat stops) checks the file again and resumes after the last committed batch, so every
 * row is written once; a run that finds the import done writes nothing.
 */
export async function runImportJob(ctx: AppContext, importId: string, attempt: number): Promise<void> {
  const { db } = ctx.database;
  const row = await jobsStore.findImportJob(db, importId);
  if (!row || row.status === "done" || row.status === "failed" || row.csv === null) return;
  const stamp = () => ({ updatedAt: ctx.clock.now() });
  const fail = async (failure: string) =>
    jobsStore.updateImportJob(db, importId, { status: "failed", failure, csv: null, finishedAt: ctx.clock.now() });
  const from: Checkpoint = { row: row.writtenToRow, tally: row.written ?? EMPTY_TALLY };
  const resuming = from.row > 0;
  const progress: ImportProgress = {
    // A resumed import keeps showing how much it has saved while it checks the file again.
    phase: async (status, processedRows) => {
      if (!resuming) await jobsStore.updateImportJob(db, importId, { status, processedRows, ...stamp() });
    },
    batching: ctx.database.kind === "pglite" ? JOB_BATCHING : { ...JOB_BATCHING, pauseMs: 0 },
    from,
    begin: async (tx, start) => {
      const locked = await jobsStore.lockImportJob(tx, importId);
      if (!locked || locked.status === "done" || locked.status === "failed" || locked.writtenToRow !== start.row) {
        throw new Superseded();
      }
    },
    checkpoint: (tx, reached, processedRows, report) =>
      jobsStore.updateImportJob(tx, importId, {
        status: report ? "done" : "writing",
        processedRows,
        writtenToRow: reached.row,
        written: reached.tally,
        ...(report ? { report, csv: null, finishedAt: ctx.clock.now() } : {}),
        ...stamp(),
      }),
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
    if (!resuming)
      await jobsStore.updateImportJob(db, importId, { status: "validating", processedRows: 0, ...stamp() });
    const options: Options = { mode: row.mode, dryRun: row.dryRun, ...row.options };
    await run(ctx, row.orgId, row.kind, await readCsvInSlices(row.csv), options, progress);
  } catch (error) {
    if (error instanceof Superseded) return;
    if (error instanceof AppError) return fail(error.message);
    if (attempt >= IMPORT_RETRY_LIMIT) {
      return fail(`The import stopped unexpectedly; ${savedSoFar(await jobsStore.findImportJob(db, importId))}.`);
    }
    throw error;
  }
}
