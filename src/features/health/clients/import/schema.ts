import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../accounts/identity/schema.js";
import { organizations } from "../../../accounts/organizations/schema.js";

/**
 * A large CSV import run by a job: the file waits here until the job reads it (and is cleared once the
 * job finishes); the job reports its phase and how many rows it has processed, then the final report.
 * The report and status "done" are written in the same transaction as the imported rows, so a retried
 * job sees the import finished and never writes twice.
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
    csv: text("csv"),
    report: jsonb("report"),
    failure: text("failure"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("import_jobs_org_idx").on(t.orgId, t.createdAt)],
);
