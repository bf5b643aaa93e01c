import { z } from "zod";

// A Pulse backup is gzipped JSON lines:
//   {"format":"pulse-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…]}   header
//   {"table":"users","columns":["id","email",…]}                                       one per table, in FK order
//   ["6f1c…","ada@example.com",…]                                                       one per row, values in column order
//   {"end":true,"rows":{"users":12,…}}                                                   trailer: a cut-short file is detected
// Values are PostgreSQL's own JSON encoding (to_jsonb): timestamps as ISO 8601 strings, bytea as
// "\x…" hex, numerics as exact JSON numbers, arrays and json as nested JSON. Both engines read it back
// with jsonb_populate_record, so the file is engine-neutral.

export const BACKUP_FORMAT = "pulse-backup";
export const BACKUP_VERSION = 1;

export const AppliedMigration = z.object({
  hash: z.string().min(1),
  createdAt: z.number(),
  /** The migration's file name, when this version of Pulse knows it (for people reading the file). */
  tag: z.string().optional(),
});
export type AppliedMigration = z.infer<typeof AppliedMigration>;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.object({ engine: z.string(), pulseVersion: z.string() }).optional(),
  migrations: z.array(AppliedMigration),
  tables: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const TableLine = z.object({ table: z.string().min(1), columns: z.array(z.string().min(1)).min(1) });
export type TableLine = z.infer<typeof TableLine>;

export const EndLine = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int().min(0)) });
export type EndLine = z.infer<typeof EndLine>;

/** The file is not a readable Pulse backup: wrong format, damaged, cut short. */
export class BackupFileError extends Error {}
