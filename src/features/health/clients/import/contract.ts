import { z } from "zod";
import { Text } from "../../../../kernel/text.js";

/** What a CSV column can be imported as (money in major units, e.g. 12500.00; the CSM by email). */
export const CLIENT_IMPORT_FIELDS = [
  "externalId",
  "name",
  "clientType",
  "csmEmail",
  "status",
  "arr",
  "mrr",
  "acv",
  "currency",
  "nextRenewalDate",
  "clientSince",
  "tags",
  "contactName",
  "contactEmail",
] as const;
export type ClientImportField = (typeof CLIENT_IMPORT_FIELDS)[number];

/** Usage figures: one row per client, metric and week (e.g. weekly_active_users). */
export const USAGE_IMPORT_FIELDS = ["clientExternalId", "metric", "weekStart", "value"] as const;
export type UsageImportField = (typeof USAGE_IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ClientImportField | UsageImportField, string> = {
  externalId: "External ID",
  name: "Name",
  clientType: "Client type",
  csmEmail: "CSM email",
  status: "Status",
  arr: "ARR",
  mrr: "MRR",
  acv: "ACV",
  currency: "Currency",
  nextRenewalDate: "Next renewal",
  clientSince: "Client since",
  tags: "Tags",
  contactName: "Primary contact name",
  contactEmail: "Primary contact email",
  clientExternalId: "Client external ID",
  metric: "Metric",
  weekStart: "Week start",
  value: "Value",
};

export const IMPORT_MODES = ["all_or_nothing", "valid_rows_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 100_000;
/** Files up to this many rows (one batch) are imported within the request, in one transaction; larger ones run as a job that writes them in batches with progress. */
export const SYNC_IMPORT_ROWS = 200;

const mappingOf = <F extends readonly [string, ...string[]]>(fields: F) =>
  Text.max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: 'must be JSON: {"CSV column": "field"}' });
        return z.NEVER;
      }
    })
    .pipe(z.record(Text.max(200), z.enum([...fields, "ignore"])));

const importQuery = <F extends readonly [string, ...string[]]>(fields: F) =>
  z.object({
    mode: z.enum(IMPORT_MODES).default("all_or_nothing"),
    /** Validate and report what would happen, writing nothing. */
    dryRun: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    /** JSON {"CSV column": field | "ignore"}; columns left out are matched by their header name. */
    mapping: mappingOf(fields).optional(),
    /** How to read dates like 03/04/2027 (ISO dates and 31.12.2027 are always clear). */
    dateOrder: z.enum(["mdy", "dmy"]).default("mdy"),
  });

export const ClientImportQuery = importQuery(CLIENT_IMPORT_FIELDS);
export type ClientImportQuery = z.input<typeof ClientImportQuery>;
export const UsageImportQuery = importQuery(USAGE_IMPORT_FIELDS);
export type UsageImportQuery = z.input<typeof UsageImportQuery>;

/** The CSV file itself, sent as the request body (Content-Type: text/csv). */
export const ImportCsvBody = z.string({ error: "must be a CSV file sent as text/csv" });

export const ImportRowError = z.object({
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  row: z.number().int(),
  /** The CSV column (or the field, when no column holds it). */
  column: z.string(),
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportReport = z.object({
  dryRun: z.boolean(),
  mode: z.enum(IMPORT_MODES),
  /** dry_run: nothing written; imported: valid rows saved; rejected: all-or-nothing found errors, nothing saved. */
  outcome: z.enum(["dry_run", "imported", "rejected"]),
  columns: z.array(z.object({ column: z.string(), field: z.string().nullable() })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Rows created, updated, or matched but unchanged (for a dry run: what an import would do). */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportRowError),
  /** More errors were found than the report lists. */
  errorsTruncated: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const IMPORT_JOB_STATUSES = ["queued", "validating", "writing", "done", "failed"] as const;

export const ImportJobParams = z.object({ orgId: z.uuid(), importId: z.uuid() });

/** A large import running as a job (POST answers 202 with it; poll GET .../imports/:importId). */
export const ImportJob = z.object({
  id: z.uuid(),
  kind: z.enum(["clients", "usage"]),
  mode: z.enum(IMPORT_MODES),
  dryRun: z.boolean(),
  /** queued, validating (every row checked first), writing (in batches, each committed with its progress), done or failed. */
  status: z.enum(IMPORT_JOB_STATUSES),
  totalRows: z.number().int(),
  /** Rows done in the current phase. */
  processedRows: z.number().int(),
  /** 0-100 across the phases: checking is the first half of an import (all of a dry run), saving the second. */
  percent: z.number().int().min(0).max(100),
  /** The import's report once status is done. */
  report: ImportReport.nullable(),
  /** Why the import stopped, when status is failed, and which rows (if any) were saved before it did. */
  failure: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
