import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { clients, usageFigures } from "../schema.js";

const CHUNK = 1000;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export type ImportClientRow = typeof clients.$inferSelect;

/** The organization's clients with these external ids. */
export async function findClientsByExternalIds(db: Db, orgId: string, externalIds: string[]) {
  const found: ImportClientRow[] = [];
  for (const part of chunks([...new Set(externalIds)])) {
    found.push(
      ...(await db
        .select()
        .from(clients)
        .where(and(eq(clients.orgId, orgId), inArray(clients.externalId, part)))),
    );
  }
  return found;
}

export type UsageFigure = { clientId: string; metric: string; weekStart: string; value: number };

/** The stored figures among these clients, metrics and weeks (the caller matches exact triples). */
export async function findUsageFigures(db: Db, orgId: string, figures: UsageFigure[]) {
  const found: UsageFigure[] = [];
  for (const part of chunks(figures)) {
    found.push(
      ...(await db
        .select({
          clientId: usageFigures.clientId,
          metric: usageFigures.metric,
          weekStart: usageFigures.weekStart,
          value: usageFigures.value,
        })
        .from(usageFigures)
        .where(
          and(
            eq(usageFigures.orgId, orgId),
            inArray(usageFigures.clientId, [...new Set(part.map((f) => f.clientId))]),
            inArray(usageFigures.metric, [...new Set(part.map((f) => f.metric))]),
            inArray(usageFigures.weekStart, [...new Set(part.map((f) => f.weekStart))]),
          ),
        )),
    );
  }
  return found;
}

/** Inserts figures, replacing the value of any already kept for the same client, metric and week. */
export async function upsertUsageFigures(
  db: Db,
  orgId: string,
  figures: UsageFigure[],
  written: (count: number) => Promise<void> = async () => {},
) {
  let count = 0;
  for (const part of chunks(figures)) {
    await db
      .insert(usageFigures)
      .values(part.map((f) => ({ ...f, orgId })))
      .onConflictDoUpdate({
        target: [usageFigures.clientId, usageFigures.metric, usageFigures.weekStart],
        set: { value: sql`excluded.value` },
      });
    count += part.length;
    await written(count);
  }
}
