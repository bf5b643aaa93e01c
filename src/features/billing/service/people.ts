import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import type { MailPerson } from "../mails.js";

/** A person's mail details (users belong to accounts: plain SQL, read only). */
export async function personOf(db: Db, userId: string): Promise<MailPerson & { userId: string }> {
  const result = await db.execute<{ email: string; name: string; time_zone: string }>(
    sql`select email, name, time_zone from users where id = ${userId}`,
  );
  const row = (result as unknown as { rows: { email: string; name: string; time_zone: string }[] }).rows[0];
  if (!row) throw new Error(`user ${userId} is missing`);
  return { userId, email: row.email, name: row.name, timeZone: row.time_zone };
}
