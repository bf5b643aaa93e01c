import type { SQL } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";

// Reads of other features' tables (clients, pulse entries, users, memberships) are plain SQL, as the
// reports do: this feature never writes them.

export type Row = Record<string, unknown>;
export const rows = async (db: Db, query: SQL): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
export const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
