import { and, asc, count, desc, eq, ilike, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { userNameOf } from "../../accounts/identity/service.js";
import { touchSnapshotDays, utcDay } from "../snapshots/store.js";
import { CLIENT_STATUSES } from "./client-status.js";
import type { ClientSort } from "./contract.js";
import { clients, clientVersions } from "./schema.js";

export type ClientRow = typeof clients.$inferSelect;
export type NewClientRow = typeof clients.$inferInsert;
export type ClientWithCsm = ClientRow & { assignedCsmName: string | null };

const withCsm = { client: clients, assignedCsmName: userNameOf(clients.assignedCsmId) };

export async function findClient(db: Db, orgId: string, clientId: string): Promise<ClientWithCsm | undefined> {
  const [row] = await db
    .select(withCsm)
    .from(clients)
    .where(and(eq(clients.orgId, orgId), eq(clients.id, clientId)));
  return row ? { ...row.client, assignedCsmName: row.assignedCsmName } : undefined;
}

export async function findClientByExternalId(db: Db, orgId: string, externalId: string) {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.orgId, orgId), eq(clients.externalId, externalId)));
  return row;
}

export async function insertClient(db: Db, values: NewClientRow): Promise<ClientRow> {
  const [row] = await db.insert(clients).values(values).returning();
  return row as ClientRow;
}

/** Updates the client; a change to an undated field also reaches its versions' copies. Call it inside a transaction. */
export async function updateClient(db: Db, orgId: string, clientId: string, values: Partial<NewClientRow>) {
  const archivedBefore = values.archivedAt !== undefined ? (await findClient(db, orgId, clientId))?.archivedAt : null;
  const [row] = await db
    .update(clients)
    .set(values)
    .where(and(eq(clients.orgId, orgId), eq(clients.id, clientId)))
    .returning();
  if (row && COPIED.some((field) => values[field] !== undefined)) await syncVersionCopies(db, clientId);
  // Archiving hides the client from its day on in "as of" reports; unarchiving shows it again from the old day.
  const archiveDays = [archivedBefore, row?.archivedAt]
    .filter((d): d is Date => d instanceof Date)
    .map(utcDay)
    .sort();
  if (row && values.archivedAt !== undefined && archiveDays[0]) await touchSnapshotDays(db, orgId, archiveDays[0]);
  return row;
}

/** The undated fields every version carries a copy of (see clientVersions). */
const COPIED = ["name", "currency", "clientSince", "archivedAt"] as const;

/** Brings the client's versions' copies of its undated fields in step with the client row. */
export async function syncVersionCopies(db: Db, clientId: string) {
  await db.execute(sql`
    update client_versions v set name = c.name, currency = c.currency, client_since = c.client_since,
      archived_at = c.archived_at
    from clients c
    where c.id = ${clientId} and v.client_id = c.id
      and (v.name, v.currency, v.client_since, v.archived_at) is distinct from (c.name, c.currency, c.client_since, c.archived_at)`);
}

/**
 * Adds a dated version and rewrites the client's spans; call it inside the transaction that changed the
 * client. A new client's first version is its only one, so its span is already right (open) as inserted.
 */
export async function insertVersion(
  db: Db,
  values: typeof clientVersions.$inferInsert,
  options: { newClient?: boolean } = {},
) {
  await db.insert(clientVersions).values(values);
  if (!options.newClient) await refreshVersionSpans(db, values.clientId);
  await touchSnapshotDays(db, values.orgId, String(values.validFrom));
}

/**
 * Locks the client's row until the transaction ends, so writers of its dated history (versions, pulse
 * entries, corrections, the client's own fields) take turns. The one lock order: every such transaction
 * takes this lock first, before it reads or writes anything of the client (an insert that references the
 * client takes a share lock on its row, and two writers each holding one while waiting for this lock
 * deadlock); then history rows, spans, the client's caches, scores and jobs. Span rewrites call it again
 * (a no-op while held), so their next statement sees every earlier commit.
 */
export async function lockClientHistory(db: Db, clientId: string) {
  await db.execute(sql`select 1 from ${clients} where ${clients.id} = ${clientId} for update`);
}

/** lockClientHistory for several clients in one transaction, always in id order so two writers cannot deadlock. */
export async function lockClientsHistory(db: Db, clientIds: readonly string[]) {
  const ids = [...new Set(clientIds)].sort();
  if (ids.length === 0) return;
  await db.execute(
    sql`select 1 from ${clients} where ${clients.id} = any(${sql.param(ids)}::uuid[]) order by ${clients.id} for update`,
  );
}

/**
 * Rewrites valid_until for one client's versions: each lasts until the next by (valid_from, recorded_at,
 * id), so of two versions starting the same day the later-recorded one wins and the other's span is
 * empty. The client's row is locked first, so concurrent changes take turns and the last sees them all.
 */
export async function refreshVersionSpans(db: Db, clientId: string) {
  await lockClientHistory(db, clientId);
  await db.execute(sql`
    with spans as (
      select id, lead(valid_from) over (order by valid_from, recorded_at, id) as until
      from client_versions where client_id = ${clientId})
    update client_versions v set valid_until = spans.until from spans
    where spans.id = v.id and v.valid_until is distinct from spans.until`);
}

export async function listVersions(db: Db, orgId: string, clientId: string) {
  return db
    .select()
    .from(clientVersions)
    .where(and(eq(clientVersions.orgId, orgId), eq(clientVersions.clientId, clientId)))
    .orderBy(asc(clientVersions.validFrom), asc(clientVersions.recordedAt));
}

const csmName = userNameOf(clients.assignedCsmId);
const statusOrder = sql`array_position(array[${sql.join(
  CLIENT_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)}]::text[], ${clients.status}::text)`;
const typeOrNull = sql`nullif(${clients.clientType}, '')`;

const SORTS: Record<ClientSort, SQL[]> = {
  name: [asc(clients.name)],
  "-name": [desc(clients.name)],
  type: [sql`${typeOrNull} asc nulls last`, asc(clients.name)],
  "-type": [sql`${typeOrNull} desc nulls last`, asc(clients.name)],
  csm: [sql`${csmName} asc nulls last`, asc(clients.name)],
  "-csm": [sql`${csmName} desc nulls last`, asc(clients.name)],
  status: [sql`${statusOrder} asc`, asc(clients.name)],
  "-status": [sql`${statusOrder} desc`, asc(clients.name)],
  arr: [asc(clients.arrMinor), asc(clients.name)],
  "-arr": [desc(clients.arrMinor), asc(clients.name)],
  renewal: [sql`${clients.nextRenewalDate} asc nulls last`, asc(clients.name)],
  "-renewal": [sql`${clients.nextRenewalDate} desc nulls last`, asc(clients.name)],
  pulse: [sql`${clients.currentPulseRank} asc nulls last`, asc(clients.name)],
  "-pulse": [sql`${clients.currentPulseRank} desc nulls last`, asc(clients.name)],
};

export async function listClients(
  db: Db,
  orgId: string,
  query: { q?: string; includeArchived?: boolean; limit: number; offset: number; sort: ClientSort },
) {
  const like = query.q ? `%${query.q.replace(/[%_\\]/g, "\\$&")}%` : undefined;
  const where = and(
    eq(clients.orgId, orgId),
    query.includeArchived ? undefined : isNull(clients.archivedAt),
    like ? or(ilike(clients.name, like), ilike(clients.externalId, like), ilike(clients.clientType, like)) : undefined,
  );
  const rows = await db
    .select(withCsm)
    .from(clients)
    .where(where)
    .orderBy(...SORTS[query.sort], asc(clients.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await db.select({ n: count() }).from(clients).where(where);
  return { rows: rows.map((r) => ({ ...r.client, assignedCsmName: r.assignedCsmName })), total: Number(total?.n ?? 0) };
}

/** The distinct client types and assigned CSMs of an organization's clients (archived ones too). */
export async function clientFacets(db: Db, orgId: string) {
  const types = await db
    .selectDistinct({ type: clients.clientType })
    .from(clients)
    .where(and(eq(clients.orgId, orgId), ne(clients.clientType, "")))
    .orderBy(asc(clients.clientType));
  const assigned = db
    .selectDistinct({ id: clients.assignedCsmId })
    .from(clients)
    .where(and(eq(clients.orgId, orgId), isNotNull(clients.assignedCsmId)))
    .as("assigned");
  const named = await db
    .select({ id: assigned.id, name: userNameOf(assigned.id) })
    .from(assigned)
    .orderBy(asc(userNameOf(assigned.id)), asc(assigned.id));
  const csms = named.flatMap((c) => (c.id && c.name !== null ? [{ id: c.id, name: c.name }] : []));
  return { types: types.map((t) => t.type), csms };
}
