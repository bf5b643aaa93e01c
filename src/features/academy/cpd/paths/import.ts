import { and, isNull, notInArray, sql } from "drizzle-orm";
import type { Tx } from "../../../../platform/db/database.js";
import type { LoadedCatalog } from "../library/catalog-format.js";
import { cpdPathSteps, cpdPaths } from "./schema.js";

/**
 * Writes a catalog's paths and their steps (keys `<path>/<item>`), archiving paths and steps that are
 * no longer there; `itemIds` maps item keys to the ids the library import just wrote.
 */
export async function importPaths(tx: Tx, catalog: LoadedCatalog, itemIds: Map<string, string>, now: Date) {
  const pathIds = new Map<string, string>();
  if (catalog.paths.length > 0) {
    const rows = await tx
      .insert(cpdPaths)
      .values(
        catalog.paths.map((p, i) => ({
          key: p.key,
          title: p.title,
          category: p.category,
          description: p.description,
          featured: p.featured,
          demo: catalog.demo,
          position: i,
          archivedAt: null,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: cpdPaths.key,
        set: {
          title: sql`excluded.title`,
          category: sql`excluded.category`,
          description: sql`excluded.description`,
          featured: sql`excluded.featured`,
          demo: sql`excluded.demo`,
          position: sql`excluded.position`,
          archivedAt: sql`null`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .returning({ id: cpdPaths.id, key: cpdPaths.key });
    for (const r of rows) pathIds.set(r.key, r.id);
  }
  const steps = catalog.paths.flatMap((p) =>
    p.steps.map((itemKey, position) => ({
      key: `${p.key}/${itemKey}`,
      pathId: pathIds.get(p.key) as string,
      itemId: itemIds.get(itemKey) as string,
      position,
      archivedAt: null,
      updatedAt: now,
    })),
  );
  for (let i = 0; i < steps.length; i += 500) {
    await tx
      .insert(cpdPathSteps)
      .values(steps.slice(i, i + 500))
      .onConflictDoUpdate({
        target: cpdPathSteps.key,
        set: { position: sql`excluded.position`, archivedAt: sql`null`, updatedAt: sql`excluded.updated_at` },
      });
  }
  const archive = async (table: typeof cpdPaths | typeof cpdPathSteps, keys: string[]) =>
    (
      await tx
        .update(table)
        .set({ archivedAt: now, updatedAt: now })
        .where(and(isNull(table.archivedAt), keys.length > 0 ? notInArray(table.key, keys) : undefined))
        .returning({ id: table.id })
    ).length;
  const archived =
    (await archive(
      cpdPathSteps,
      steps.map((s) => s.key),
    )) + (await archive(cpdPaths, [...pathIds.keys()]));
  return { paths: catalog.paths.length, steps: steps.length, archived };
}
