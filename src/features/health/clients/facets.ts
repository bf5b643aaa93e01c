import type { AppContext } from "../../../platform/context.js";
import type { Database } from "../../../platform/db/database.js";
import * as store from "./store.js";

export type ClientFacets = Awaited<ReturnType<typeof store.clientFacets>>;

/** The longest another process (or a CSM's rename) may take to show in this one's facets. */
export const FACETS_TTL_MS = 60_000;
const MAX_ORGS = 10_000;

type OrgCache = { entries: Map<string, { facets: ClientFacets; until: number }>; generations: Map<string, number> };
/** Per database handle, so two apps on one database in one test process keep apart as two processes would. */
const caches = new WeakMap<Database, OrgCache>();

function cacheOf(database: Database): OrgCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = { entries: new Map(), generations: new Map() };
    caches.set(database, cache);
  }
  return cache;
}

/**
 * The client types and CSMs an organization's clients use (the list and report filters), read over its
 * clients once and then kept for FACETS_TTL_MS; client writes here forget them (`clientsChanged`).
 */
export async function clientFacets(ctx: AppContext, orgId: string): Promise<ClientFacets> {
  const cache = cacheOf(ctx.database);
  const hit = cache.entries.get(orgId);
  if (hit && hit.until > performance.now()) return hit.facets;
  const generation = cache.generations.get(orgId) ?? 0;
  const facets = await store.clientFacets(ctx.database.db, orgId);
  // A change that forgot the facets while they were read wins: what was read may predate it.
  if ((cache.generations.get(orgId) ?? 0) === generation) {
    cache.entries.delete(orgId);
    cache.entries.set(orgId, { facets, until: performance.now() + FACETS_TTL_MS });
    if (cache.entries.size > MAX_ORGS) cache.entries.delete(cache.entries.keys().next().value as string);
  }
  return facets;
}

/**
 * Forgets an organization's facets after its clients' types or CSMs changed. Call it after the commit; a
 * call inside the transaction (the import path) also stops reads already under way from being kept.
 */
export function clientsChanged(ctx: AppContext, orgId: string): void {
  const cache = cacheOf(ctx.database);
  cache.generations.set(orgId, (cache.generations.get(orgId) ?? 0) + 1);
  cache.entries.delete(orgId);
}
