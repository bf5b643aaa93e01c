import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";
import { organizations } from "../../../accounts/organizations/schema.js";
import type { WriteTally } from "./batch-writer.js";

/**
 * A large CSV import run by a job: the file waits here until the job reads it (and is cleared once the
 * job finishes); the job reports its phase and how many rows it has processed, then the final report.
 * Rows are written in batches; each batch's transaction also moves `written_to_row` (the last file row
 * committed) and `written` (what the committed batches did), so a job that runs again after a crash
 * resumes after the last committed batch and never writes a row twice. The report and status "done"
 * commit with the last batch.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["clients", "usage"] }).notNull(),
    mode: text("mode", { enum: ["all_or_nothing", "valid_rows_only"] }).notNull(),
    dryRun: boolean("dry_run").notNull(),
    /** The mapping and date order the import was asked with. */
    options: jsonb("options").$type<{ mapping?: Record<string, string>; dateOrder: "mdy" | "dmy" }>().notNull(),
    /** queued -> validating -> writing -> done | failed (a dry run skips writing). */
    status: text("status", { enum: ["queued", "validating", "writing", "done", "failed"] }).notNull(),
    totalRows: integer("total_rows").notNull(),
    processedRows: integer("processed_rows").notNull().default(0),
    /** The last row of the file (spreadsheet numbering) whose batch is committed; 0 before the first. */
    writtenToRow: integer("written_to_row").notNull().default(0),
    /** Rows created, updated and unchanged, and rows refused, by the committed batches. */
    written: jsonb("written").$type<WriteTally>(),
    csv: text("csv"),
    report: jsonb("report"),
    failure: text("failure"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("import_jobs_org_idx").on(t.orgId, t.createdAt)],
);
