import { count, desc, ilike } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { mailMessages } from "./schema.js";

/** Newest first; `to` filters by recipient (substring, case-insensitive). */
export async function listOutbox(db: Db, filter: { to?: string; limit: number; offset: number }) {
  const where = filter.to ? ilike(mailMessages.toAddress, `%${filter.to.replace(/[%_\\]/g, "\\$&")}%`) : undefined;
  const rows = await db
    .select()
    .from(mailMessages)
    .where(where)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(mailMessages).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}
