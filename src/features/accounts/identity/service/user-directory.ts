import { type AnyColumn, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { users } from "../schema.js";

/**
 * A person's display name as a SQL expression, for other features' queries that list people by id
 * (a client's CSM, who recorded a pulse) without reaching into this feature's tables themselves.
 */
export const userNameOf = (userId: AnyColumn | SQL): SQL<string | null> =>
  sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${userId})`;

/** A person's IANA time zone as a SQL expression (for features that date things in the user's day). */
export const userTimeZoneOf = (userId: AnyColumn | SQL): SQL<string | null> =>
  sql<string | null>`(select ${users.timeZone} from ${users} where ${users.id} = ${userId})`;

/** Names and email addresses of the given users (for features that mail or list people by id). */
export async function contactsOf(db: Db, userIds: readonly string[]): Promise<UserContact[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...userIds]));
}

export type UserContact = { id: string; name: string; email: string };
