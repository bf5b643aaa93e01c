import { and, count, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { OrgRole } from "../../../kernel/roles.js";
import type { Db } from "../../../platform/db/database.js";
import { memberships, organizations } from "../organizations/schema.js";
import { accountTokens, loginFailures, sessions, type TokenPurpose, users } from "./schema.js";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(
  db: Db,
  values: { email: string; name: string; passwordHash: string; emailConfirmedAt?: Date; isPlatformAdmin?: boolean },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row as UserRow;
}

export async function updateUser(
  db: Db,
  id: string,
  values: Partial<Pick<UserRow, "name" | "timeZone" | "passwordHash" | "emailConfirmedAt" | "isPlatformAdmin">>,
  now: Date,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(eq(users.id, id))
    .returning();
  return row as UserRow;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

type SessionOrg = { id: string; name: string; slug: string; role: OrgRole };

/** The one statement every signed-in request may need: only the columns the actor and its expiry use. */
const liveSessionStatement = (db: Db) =>
  db
    .select({
      userId: sessions.userId,
      activeOrgId: sessions.activeOrgId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      timeZone: users.timeZone,
      emailConfirmedAt: users.emailConfirmedAt,
      userCreatedAt: users.createdAt,
      organizations: sql<SessionOrg[] | string>`coalesce((
        select json_agg(json_build_object('id', o.id, 'name', o.name, 'slug', o.slug, 'role', m.role) order by o.name)
        from ${memberships} m join ${organizations} o on o.id = m.org_id where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder("now")),
        gt(sessions.createdAt, sql.placeholder("startedAfter")),
      ),
    )
    .prepare("pulse_live_session");

/** Prepared once per database handle (a named statement on PostgreSQL, parsed once per connection). */
const preparedLiveSession = new WeakMap<Db, ReturnType<typeof liveSessionStatement>>();

/**
 * The live session, its user and the user's organizations in one query, or nothing when revoked, expired
 * (idle) or signed in before `startedAfter` (its absolute lifetime is over).
 */
export async function findLiveSession(db: Db, id: string, now: Date, startedAfter: Date) {
  let statement = preparedLiveSession.get(db);
  if (!statement) {
    statement = liveSessionStatement(db);
    preparedLiveSession.set(db, statement);
  }
  const [row] = await statement.execute({ id, now, startedAfter });
  if (!row) return undefined;
  const { organizations: orgs, ...rest } = row;
  return { ...rest, organizations: (typeof orgs === "string" ? JSON.parse(orgs) : orgs) as SessionOrg[] };
}

export async function touchSession(db: Db, id: string, values: { lastSeenAt: Date; expiresAt?: Date }) {
  await db.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function setSessionOrganization(db: Db, id: string, orgId: string | null) {
  await db.update(sessions).set({ activeOrgId: orgId }).where(eq(sessions.id, id));
}

export async function listLiveSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Revokes one session of the user; returns false when there was none to revoke. */
export async function revokeSession(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Revokes every session of the user, except `keepId` when given. */
export async function revokeOtherSessions(db: Db, userId: string, now: Date, keepId?: string) {
  const keep = keepId ? ne(sessions.id, keepId) : undefined;
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep));
}

export async function insertToken(db: Db, values: typeof accountTokens.$inferInsert) {
  await db.insert(accountTokens).values(values);
}

/** Marks an unused, unexpired token used and returns its user id; a second use finds nothing. */
export async function consumeToken(db: Db, hash: string, purpose: TokenPurpose, now: Date) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.id, hash),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId });
  return row?.userId;
}

/** Older links of the same purpose stop working when a new one is sent or one is used. */
export async function expireTokens(db: Db, userId: string, purpose: TokenPurpose, now: Date) {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}

export type LoginAttempt = { allowed: true; failureId: number } | { allowed: false; oldest: Date };

/**
 * Counts a sign-in attempt for an address as a failure before its password is checked, unless `max`
 * failures since `since` are already counted. A lock per address makes the count and the insert one
 * step, so simultaneous guesses take turns: at most `max` of them ever reach a password check. A
 * successful sign-in then clears the failures (`clearLoginFailures`), any other outcome `forgetLoginFailure`.
 */
export async function reserveLoginAttempt(
  db: Db,
  input: { email: string; ip: string | null; now: Date; since: Date; max: number },
): Promise<LoginAttempt> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:${input.email}`}, 0))`);
    const [counted] = await tx
      .select({ n: count(), oldest: sql<Date | string | null>`min(${loginFailures.at})` })
      .from(loginFailures)
      .where(and(eq(loginFailures.email, input.email), gt(loginFailures.at, input.since)));
    if (Number(counted?.n ?? 0) >= input.max && counted?.oldest) {
      return { allowed: false, oldest: new Date(counted.oldest) };
    }
    const [row] = await tx
      .insert(loginFailures)
      .values({ email: input.email, ip: input.ip, at: input.now })
      .returning({ id: loginFailures.id });
    return { allowed: true, failureId: (row as { id: number }).id };
  });
}

/** Takes back a failure counted by `reserveLoginAttempt` whose password was right after all. */
export async function forgetLoginFailure(db: Db, id: number) {
  await db.delete(loginFailures).where(eq(loginFailures.id, id));
}

export async function clearLoginFailures(db: Db, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}

/** Housekeeping: drop expired sessions, used tokens and old failures. */
export async function pruneExpired(db: Db, now: Date) {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.revokedAt, dayAgo)));
  await db.delete(accountTokens).where(lt(accountTokens.expiresAt, dayAgo));
  await db.delete(loginFailures).where(lt(loginFailures.at, dayAgo));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}
