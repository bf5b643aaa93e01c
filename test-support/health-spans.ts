import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../src/platform/db/database.js";

/** Every pulse entry's and client version's span end in the organization, in a stable order. */
export async function spansOf(db: Db, orgId: string): Promise<unknown[]> {
  const result = (await db.execute(sql`
    select 'pulse' as kind, id, valid_until::text as until from pulse_entries where org_id = ${orgId}
    union all select 'version', id, valid_until::text from client_versions where org_id = ${orgId}
    order by 1, 2`)) as unknown as { rows: unknown[] };
  return result.rows;
}

/**
 * Clears every span in the database and recomputes them with migration 0013's backfill statements (the
 * rule written once more, in SQL over whole tables), so a test can compare what a writer kept with it.
 */
export async function recomputeSpansAsMigrationDoes(db: Db): Promise<void> {
  const migration = readFileSync(new URL("../migrations/0013_health_as_of_spans.sql", import.meta.url), "utf8");
  const backfill = migration
    .split("--> statement-breakpoint")
    .filter((statement) => /^\s*(--[^\n]*\n\s*)*WITH/i.test(statement));
  if (backfill.length !== 2) throw new Error(`expected two backfill statements in 0013, found ${backfill.length}`);
  await db.execute(sql`update pulse_entries set valid_until = null`);
  await db.execute(sql`update client_versions set valid_until = null`);
  for (const statement of backfill) await db.execute(sql.raw(statement));
}

/** Entries whose reason_code_ids copy differs from their pulse_entry_reasons rows (in order). */
export async function reasonCopyMismatches(db: Db, orgId: string): Promise<number> {
  const result = (await db.execute(sql`
    select count(*)::int as n from pulse_entries e
    where e.org_id = ${orgId} and e.reason_code_ids is distinct from coalesce(
      (select array_agg(r.reason_code_id order by r.position) from pulse_entry_reasons r where r.entry_id = e.id),
      '{}'::uuid[])`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}

/** Versions whose copies of the client's undated fields differ from the client row. */
export async function versionCopyMismatches(db: Db, orgId: string): Promise<number> {
  const result = (await db.execute(sql`
    select count(*)::int as n from client_versions v join clients c on c.id = v.client_id
    where v.org_id = ${orgId}
      and (v.name, v.currency, v.client_since, v.archived_at) is distinct from (c.name, c.currency, c.client_since, c.archived_at)`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n);
}
