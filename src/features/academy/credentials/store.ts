import { and, desc, eq, ilike, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { levels, modules, programs } from "../catalog/schema.js";
import { credentialEvents, credentials, signingKeys } from "./schema.js";

export type CredentialRow = typeof credentials.$inferSelect;
export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** A credential with its program's title, as every read shows it. */
export type CredentialView = CredentialRow & { programTitle: string };

const viewColumns = { row: credentials, programTitle: programs.title };
const toView = (r: { row: CredentialRow; programTitle: string }): CredentialView => ({
  ...r.row,
  programTitle: r.programTitle,
});

export async function findCredential(db: Db, credentialId: string): Promise<CredentialView | undefined> {
  const [r] = await db
    .select(viewColumns)
    .from(credentials)
    .innerJoin(programs, eq(programs.id, credentials.programId))
    .where(eq(credentials.id, credentialId));
  return r ? toView(r) : undefined;
}

export async function findByAchievement(db: Db, userId: string, achievementKey: string) {
  const [row] = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.userId, userId), eq(credentials.achievementKey, achievementKey)));
  return row;
}

export async function listUserCredentials(db: Db, userId: string): Promise<CredentialView[]> {
  const rows = await db
    .select(viewColumns)
    .from(credentials)
    .innerJoin(programs, eq(programs.id, credentials.programId))
    .where(eq(credentials.userId, userId))
    .orderBy(desc(credentials.issuedAt), desc(credentials.statusIndex));
  return rows.map(toView);
}

/** Every credential for admins, newest first; `q` searches title, holder name and credential id. */
export async function listAllCredentials(db: Db, q: string | undefined, limit: number, offset: number) {
  const where: SQL | undefined = q
    ? or(
        ilike(credentials.title, `%${q}%`),
        ilike(credentials.recipientName, `%${q}%`),
        sql`${credentials.id}::text = ${q.toLowerCase()}`,
      )
    : undefined;
  const rows = await db
    .select(viewColumns)
    .from(credentials)
    .innerJoin(programs, eq(programs.id, credentials.programId))
    .where(where)
    .orderBy(desc(credentials.issuedAt), desc(credentials.statusIndex))
    .limit(limit)
    .offset(offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(credentials).where(where);
  return { rows: rows.map(toView), total: count?.n ?? 0 };
}

/** Inserts unless the user already holds this achievement; returns the new row's id and status index. */
export async function insertCredentialOnce(db: Db, values: Omit<typeof credentials.$inferInsert, "statusIndex">) {
  const [row] = await db
    .insert(credentials)
    .values(values)
    .onConflictDoNothing({ target: [credentials.userId, credentials.achievementKey] })
    .returning({ id: credentials.id, statusIndex: credentials.statusIndex });
  return row;
}

export async function updateCredential(db: Db, credentialId: string, values: Partial<typeof credentials.$inferInsert>) {
  await db.update(credentials).set(values).where(eq(credentials.id, credentialId));
}

/**
 * Lifts a credential's revocation if it is still revoked (one of two concurrent reinstatements wins);
 * returns whether it did.
 */
export async function clearRevocation(db: Db, credentialId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(credentials)
    .set({ revokedAt: null, revokedReason: null, revokedBy: null, updatedAt: now })
    .where(and(eq(credentials.id, credentialId), isNotNull(credentials.revokedAt)))
    .returning({ id: credentials.id });
  return rows.length > 0;
}

export async function appendEvent(db: Db, values: typeof credentialEvents.$inferInsert) {
  await db.insert(credentialEvents).values(values);
}

export async function listEvents(db: Db, credentialId: string) {
  return db
    .select()
    .from(credentialEvents)
    .where(eq(credentialEvents.credentialId, credentialId))
    .orderBy(credentialEvents.at);
}

/** Status indexes of revoked credentials within [from, to). */
export async function revokedIndexes(db: Db, from: number, to: number): Promise<number[]> {
  const rows = await db
    .select({ i: credentials.statusIndex })
    .from(credentials)
    .where(
      and(
        isNotNull(credentials.revokedAt),
        sql`${credentials.statusIndex} >= ${from}`,
        sql`${credentials.statusIndex} < ${to}`,
      ),
    );
  return rows.map((r) => r.i);
}

export async function isIndexRevoked(db: Db, statusIndex: number): Promise<boolean> {
  const [row] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.statusIndex, statusIndex), isNotNull(credentials.revokedAt)));
  return Boolean(row);
}

/** The highest status index handed out so far (-1 when none). */
export async function maxStatusIndex(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number | null>`max(${credentials.statusIndex})` }).from(credentials);
  return row?.n === null || row?.n === undefined ? -1 : Number(row.n);
}

// Signing keys

export async function findActiveKey(db: Db): Promise<SigningKeyRow | undefined> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.active, true));
  return row;
}

export async function findKey(db: Db, kid: string): Promise<SigningKeyRow | undefined> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.kid, kid));
  return row;
}

export async function listKeys(db: Db): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).orderBy(signingKeys.createdAt);
}

/** Stores a new active key unless another process stored one first (one active key at a time). */
export async function insertActiveKeyOnce(db: Db, values: typeof signingKeys.$inferInsert) {
  await db.insert(signingKeys).values(values).onConflictDoNothing();
}

// Catalog and learning reads (same feature)

export async function findModuleWithProgram(db: Db, moduleId: string) {
  const [row] = await db
    .select({ module: modules, program: programs, level: levels })
    .from(modules)
    .innerJoin(programs, eq(programs.id, modules.programId))
    .innerJoin(levels, eq(levels.id, modules.levelId))
    .where(eq(modules.id, moduleId));
  return row;
}

export async function findLevelWithProgram(db: Db, levelId: string) {
  const [row] = await db
    .select({ level: levels, program: programs })
    .from(levels)
    .innerJoin(programs, eq(programs.id, levels.programId))
    .where(eq(levels.id, levelId));
  return row;
}

/** A module's or level's id by its content key. */
export async function idByKey(db: Db, object: "module" | "level", key: string): Promise<string | undefined> {
  const table = object === "module" ? modules : levels;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.key, key));
  return row?.id;
}
