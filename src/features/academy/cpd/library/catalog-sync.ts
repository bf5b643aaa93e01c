import { existsSync, readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../../../platform/context.js";
import { ContentError } from "../../catalog/content-loader.js";
import type { ContentLog } from "../../catalog/content-sync.js";
import { CATALOG_FORMAT } from "./catalog-format.js";
import { CATALOG_ID, type CatalogImportResult, catalogHash, importCatalog } from "./catalog-import.js";
import { catalogFileIn, loadCatalog } from "./catalog-loader.js";
import { libraryCatalogs } from "./schema.js";

export type CatalogSyncOutcome =
  | { action: "imported"; source: string; result: CatalogImportResult }
  | { action: "unchanged" | "kept_publisher_catalog" | "none"; source: string | null }
  | { action: "invalid"; source: string; problems: ContentError["problems"] };

/**
 * `pulse content import <catalog.yaml | items.csv | folder with cpd/>`: loads and imports the CPD catalog
 * in one transaction, all or nothing (a catalog that does not validate throws ContentError with every
 * problem). Replaces whatever catalog was there, the demo included.
 */
export async function importCatalogFrom(ctx: AppContext, source: string): Promise<CatalogImportResult> {
  const catalog = loadCatalog(source);
  const now = ctx.clock.now();
  return ctx.database.db.transaction((tx) => importCatalog(tx, catalog, now));
}

/**
 * The CPD catalog a `pulse content import` argument names, if any: a CSV file, a YAML file of format
 * `pulse-cpd-catalog/1`, or a content folder with `cpd/catalog.yaml`.
 */
export function catalogSourceIn(path: string): string | null {
  if (path.endsWith(".csv")) return path;
  if (/\.ya?ml$/.test(path))
    return existsSync(path) && readFileSync(path, "utf8").includes(CATALOG_FORMAT) ? path : null;
  return existsSync(catalogFileIn(path)) ? catalogFileIn(path) : null;
}

/**
 * The start-up import: the catalog of the last content folder that has `cpd/catalog.yaml`, skipped when
 * its hash is unchanged. A demo catalog never replaces a publisher's (non-demo) catalog imported with
 * `pulse content import`; an invalid catalog is logged and skipped, so the server still starts.
 */
export async function syncCatalogAtStart(
  ctx: AppContext,
  dirs: string[],
  log: ContentLog,
): Promise<CatalogSyncOutcome> {
  const source =
    dirs
      .map(catalogFileIn)
      .filter((file) => existsSync(file))
      .at(-1) ?? null;
  if (!source) return { action: "none", source: null };
  let catalog: ReturnType<typeof loadCatalog>;
  try {
    catalog = loadCatalog(source);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    log.warn(
      { source, problems: error.problems.length, first: error.problems.slice(0, 3) },
      "CPD catalog does not validate; not imported",
    );
    return { action: "invalid", source, problems: error.problems };
  }
  const [row] = await ctx.database.db.select().from(libraryCatalogs).where(eq(libraryCatalogs.id, CATALOG_ID));
  if (row?.contentHash === catalogHash(catalog)) return { action: "unchanged", source };
  if (row && !row.demo && catalog.demo) {
    log.info({ source }, "CPD catalog: a publisher's catalog is imported; the demo catalog is left out");
    return { action: "kept_publisher_catalog", source };
  }
  const now = ctx.clock.now();
  const result = await ctx.database.db.transaction((tx) => importCatalog(tx, catalog, now));
  log.info({ source, ...result }, "CPD catalog imported");
  return { action: "imported", source, result };
}
