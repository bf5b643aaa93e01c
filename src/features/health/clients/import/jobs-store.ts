import { and, eq, getTableColumns } from "drizzle-orm";
import type { Db, Tx } from "../../../../platform/db/database.js";
import { importJobs } from "./schema.js";

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function insertImportJob(db: Db, values: typeof importJobs.$inferInsert): Promise<string> {
  const [row] = await db.insert(importJobs).values(values).returning({ id: importJobs.id });
  return (row as { id: string }).id;
}

/** The job as its runner reads it (any organization: the job carries only the id). */
export async function findImportJob(db: Db, importId: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, importId));
  return row;
}

/** The job as a member of its organization polls it, without the file. */
export async function findOrgImportJob(db: Db, orgId: string, importId: string) {
  const { csv: _csv, ...columns } = getTableColumns(importJobs);
  const [row] = await db
    .select(columns)
    .from(importJobs)
    .where(and(eq(importJobs.orgId, orgId), eq(importJobs.id, importId)));
  return row;
}

export async function updateImportJob(db: Db, importId: string, values: Partial<typeof importJobs.$inferInsert>) {
  await db.update(importJobs).set(values).where(eq(importJobs.id, importId));
}

/** Locks the job's row for a batch (first in its transaction) and reads where writing stands. */
export async function lockImportJob(tx: Tx, importId: string) {
  const [row] = await tx
    .select({ status: importJobs.status, writtenToRow: importJobs.writtenToRow })
    .from(importJobs)
    .where(eq(importJobs.id, importId))
    .for("update");
  return row;
}
