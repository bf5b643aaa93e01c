import { createHash } from "node:crypto";
import { and, isNull, notInArray, sql } from "drizzle-orm";
import type { Tx } from "../../../../platform/db/database.js";
import { importPaths } from "../paths/import.js";
import type { LoadedCatalog } from "./catalog-format.js";
import { libraryCatalogs, libraryItems, libraryWords } from "./schema.js";

export type CatalogImportResult = { items: number; paths: number; steps: number; archived: number; demo: boolean };

/** The one catalog row's id: a deployment has one CPD catalog. */
export const CATALOG_ID = "cpd";

export const catalogHash = (catalog: LoadedCatalog) =>
  createHash("sha256").update(JSON.stringify(catalog)).digest("hex");

/**
 * Writes a loaded catalog inside the caller's transaction, as the curricula importer does: upsert by key
 * (un-archiving what comes back), archive items and paths no longer in it, rebuild the title vocabulary
 * of the "did you mean", and remember the catalog's hash.
 */
export async function importCatalog(tx: Tx, catalog: LoadedCatalog, now: Date): Promise<CatalogImportResult> {
  const ids = new Map<string, string>();
  for (let i = 0; i < catalog.items.length; i += 500) {
    const chunk = catalog.items.slice(i, i + 500).map((item, j) => ({
      key: item.key,
      title: item.title,
      summary: item.summary,
      format: item.format,
      category: item.category,
      durationMinutes: item.durationMinutes,
      publishedOn: item.publishedOn,
      body: item.body ?? null,
      mediaSrc: item.mediaSrc ?? null,
      mediaSeconds: item.mediaSeconds ?? null,
      link: item.link ?? null,
      demo: catalog.demo,
      position: i + j,
      archivedAt: null,
      updatedAt: now,
    }));
    const rows = await tx
      .insert(libraryItems)
      .values(chunk)
      .onConflictDoUpdate({
        target: libraryItems.key,
        set: Object.fromEntries(
          [
            "title",
            "summary",
            "format",
            "category",
            "duration_minutes",
            "published_on",
            "body",
            "media_src",
            "media_seconds",
            "link",
            "demo",
            "position",
            "archived_at",
            "updated_at",
          ].map((c) => [camel(c), sql.raw(`excluded."${c}"`)]),
        ),
      })
      .returning({ id: libraryItems.id, key: libraryItems.key });
    for (const r of rows) ids.set(r.key, r.id);
  }
  const keys = catalog.items.map((i) => i.key);
  const archivedItems = await tx
    .update(libraryItems)
    .set({ archivedAt: now, updatedAt: now })
    .where(and(isNull(libraryItems.archivedAt), keys.length > 0 ? notInArray(libraryItems.key, keys) : undefined))
    .returning({ id: libraryItems.id });
  const paths = await importPaths(tx, catalog, ids, now);
  await refreshWords(tx);
  const row = { id: CATALOG_ID, contentHash: catalogHash(catalog), demo: catalog.demo, importedAt: now };
  await tx
    .insert(libraryCatalogs)
    .values(row)
    .onConflictDoUpdate({
      target: libraryCatalogs.id,
      set: { contentHash: row.contentHash, demo: row.demo, importedAt: now },
    });
  return {
    items: catalog.items.length,
    paths: paths.paths,
    steps: paths.steps,
    archived: archivedItems.length + paths.archived,
    demo: catalog.demo,
  };
}

const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** The distinct lower-case words (3+ letters) of live titles: what "did you mean" suggests from. */
async function refreshWords(tx: Tx) {
  await tx.delete(libraryWords);
  await tx.execute(sql`
    insert into ${libraryWords} (word)
    select distinct w from ${libraryItems},
      regexp_split_to_table(lower(${libraryItems.title}), '[^[:alnum:]]+') as w
    where ${libraryItems.archivedAt} is null and length(w) >= 3
    on conflict do nothing`);
}
