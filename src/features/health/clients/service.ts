import { AppError, notFound } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db, Tx } from "../../../platform/db/database.js";
import { findMembership } from "../../accounts/organizations/service.js";
import { currentFormula } from "../pulses/service/success-score.js";
import { presentClient } from "./client-presenter.js";
import type { Client, ClientList, ClientSort, CreateClientBody, UpdateClientBody } from "./contract.js";
import { ClientFields, UpdateClientBody as UpdateSchema } from "./contract.js";
import { clientsChanged } from "./facets.js";
import * as store from "./store.js";

const today = (now: Date) => now.toISOString().slice(0, 10);
const VERSIONED = [
  "clientType",
  "assignedCsmId",
  "status",
  "arrMinor",
  "mrrMinor",
  "acvMinor",
  "nextRenewalDate",
] as const;

async function checkCsm(db: Db, orgId: string, csmId: string | null | undefined) {
  if (csmId && !(await findMembership(db, orgId, csmId))) {
    throw new AppError("invalid_input", "The assigned CSM must be a member of this organization.", {
      fields: { assignedCsmId: "is not a member of this organization" },
    });
  }
}

async function checkExternalId(db: Db, orgId: string, externalId: string | null | undefined, selfId?: string) {
  if (!externalId) return;
  const other = await store.findClientByExternalId(db, orgId, externalId);
  if (other && other.id !== selfId) {
    throw new AppError("conflict", `Another client already has the external id "${externalId}".`, {
      fields: { externalId: "is already used by another client" },
    });
  }
}

async function present(ctx: AppContext, orgId: string, clientId: string): Promise<Client> {
  const row = await store.findClient(ctx.database.db, orgId, clientId);
  if (!row) throw notFound("Client");
  // One staleness limit everywhere: the SuccessScore formula's (the score panel shows the same).
  const { staleAfterDays } = await currentFormula(ctx.database.db, orgId);
  return presentClient(row, ctx.clock.now(), staleAfterDays);
}

/** Inserts a client and the first version of its dated history in the caller's transaction (also used by import). */
export async function insertClientWithHistory(tx: Tx, ctx: AppContext, orgId: string, input: CreateClientBody) {
  const fields = ClientFields.parse(input);
  const now = ctx.clock.now();
  await checkCsm(tx, orgId, fields.assignedCsmId);
  await checkExternalId(tx, orgId, fields.externalId);
  const row = await store.insertClient(tx, { ...fields, orgId, createdAt: now, updatedAt: now });
  await store.insertVersion(
    tx,
    { ...versionOf(row), validFrom: input.effectiveDate ?? fields.clientSince ?? today(now), recordedAt: now },
    { newClient: true },
  );
  if (row.clientType || row.assignedCsmId) clientsChanged(ctx, orgId);
  return row.id;
}

/** Saves changed fields in the caller's transaction; a change to type, CSM, status, money or next renewal starts a new dated version. */
export async function applyClientUpdate(
  tx: Tx,
  ctx: AppContext,
  orgId: string,
  clientId: string,
  input: UpdateClientBody,
) {
  const { effectiveDate, ...fields } = UpdateSchema.parse(input);
  const now = ctx.clock.now();
  await store.lockClientHistory(tx, clientId); // first: the one lock order of history writes
  const current = await store.findClient(tx, orgId, clientId);
  if (!current) throw notFound("Client");
  await checkCsm(tx, orgId, fields.assignedCsmId);
  await checkExternalId(tx, orgId, fields.externalId, clientId);
  const next = await store.updateClient(tx, orgId, clientId, { ...fields, updatedAt: now });
  if (next && VERSIONED.some((k) => fields[k] !== undefined && fields[k] !== current[k])) {
    await store.insertVersion(tx, { ...versionOf(next), validFrom: effectiveDate ?? today(now), recordedAt: now });
  }
  if (facetsMoved(current, fields)) clientsChanged(ctx, orgId);
}

const facetsMoved = (current: store.ClientRow, fields: { clientType?: string; assignedCsmId?: string | null }) =>
  (fields.clientType !== undefined && fields.clientType !== current.clientType) ||
  (fields.assignedCsmId !== undefined && fields.assignedCsmId !== current.assignedCsmId);

const versionOf = (row: store.ClientRow) => ({
  orgId: row.orgId,
  clientId: row.id,
  clientType: row.clientType,
  assignedCsmId: row.assignedCsmId,
  status: row.status,
  arrMinor: row.arrMinor,
  mrrMinor: row.mrrMinor,
  acvMinor: row.acvMinor,
  nextRenewalDate: row.nextRenewalDate,
  name: row.name,
  currency: row.currency,
  clientSince: row.clientSince,
  archivedAt: row.archivedAt,
});

export async function createClient(ctx: AppContext, orgId: string, input: CreateClientBody): Promise<Client> {
  const id = await ctx.database.db.transaction((tx) => insertClientWithHistory(tx, ctx, orgId, input));
  clientsChanged(ctx, orgId); // again after the commit: a read between the first call and the commit saw the old set
  return present(ctx, orgId, id);
}

export async function updateClient(ctx: AppContext, orgId: string, clientId: string, input: UpdateClientBody) {
  await ctx.database.db.transaction((tx) => applyClientUpdate(tx, ctx, orgId, clientId, input));
  clientsChanged(ctx, orgId); // again after the commit, as in createClient
  return present(ctx, orgId, clientId);
}

export async function setArchived(ctx: AppContext, orgId: string, clientId: string, archived: boolean) {
  const row = await ctx.database.db.transaction(async (tx) => {
    await store.lockClientHistory(tx, clientId); // first: the one lock order of history writes
    return store.updateClient(tx, orgId, clientId, {
      archivedAt: archived ? ctx.clock.now() : null,
      updatedAt: ctx.clock.now(),
    });
  });
  if (!row) throw notFound("Client");
  return present(ctx, orgId, clientId);
}

export const getClient = (ctx: AppContext, orgId: string, clientId: string) => present(ctx, orgId, clientId);

export async function listClients(
  ctx: AppContext,
  orgId: string,
  query: { q?: string; includeArchived?: "true" | "false"; limit: number; offset: number; sort: ClientSort },
): Promise<ClientList> {
  const { rows, total } = await store.listClients(ctx.database.db, orgId, {
    ...query,
    includeArchived: query.includeArchived === "true",
  });
  const { staleAfterDays } = await currentFormula(ctx.database.db, orgId);
  const now = ctx.clock.now();
  return { clients: rows.map((r) => presentClient(r, now, staleAfterDays)), total };
}

export async function clientHistory(ctx: AppContext, orgId: string, clientId: string) {
  if (!(await store.findClient(ctx.database.db, orgId, clientId))) throw notFound("Client");
  const versions = await store.listVersions(ctx.database.db, orgId, clientId);
  return { versions: versions.map((v) => ({ ...v, recordedAt: v.recordedAt.toISOString() })) };
}
