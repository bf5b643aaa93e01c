import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import type { SegmentSort } from "./contract.js";
import { segments } from "./schema.js";
import type { ResolvedSegmentFilter } from "./segment-filter.js";
import { clientColumns, clientFrom, currentEntryId, needsScore, segmentOrder, segmentWhere } from "./segment-sql.js";

export type SegmentRow = typeof segments.$inferSelect;

/** The segments a member sees: their own and every shared one. */
export async function listVisibleSegments(db: Db, orgId: string, userId: string): Promise<SegmentRow[]> {
  return db
    .select()
    .from(segments)
    .where(and(eq(segments.orgId, orgId), or(eq(segments.ownerId, userId), eq(segments.shared, true))))
    .orderBy(asc(segments.name), asc(segments.id));
}

export async function findSegment(db: Db, orgId: string, segmentId: string): Promise<SegmentRow | undefined> {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId)));
  return row;
}

export async function insertSegment(db: Db, values: typeof segments.$inferInsert) {
  const [row] = await db.insert(segments).values(values).returning({ id: segments.id });
  return (row as { id: string }).id;
}

export async function updateSegment(
  db: Db,
  orgId: string,
  segmentId: string,
  values: Partial<typeof segments.$inferInsert>,
) {
  await db
    .update(segments)
    .set(values)
    .where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId)));
}

export async function deleteSegment(db: Db, orgId: string, segmentId: string) {
  await db.delete(segments).where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId)));
}

type Row = Record<string, unknown>;
const rows = async <T = Row>(db: Db, query: SQL): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export type SegmentClientRow = {
  id: string;
  external_id: string | null;
  name: string;
  client_type: string;
  status: string;
  assigned_csm_id: string | null;
  csm_name: string | null;
  csm_email: string | null;
  arr_minor: number;
  mrr_minor: number;
  acv_minor: number;
  currency: string;
  next_renewal_date: string | null;
  client_since: string | null;
  tags: string[];
  rank: number | null;
  pulse_at: string | null;
  score: number | null;
  usage: number | null;
  archived: boolean;
};
export type SegmentExportRow = SegmentClientRow & { reasons: string | null };

/** Count and money sums per currency of the clients the filter keeps. */
export async function segmentTotals(db: Db, orgId: string, f: ResolvedSegmentFilter) {
  return rows<{ currency: string; count: number; arr: number; mrr: number; acv: number }>(
    db,
    sql`select c.currency, count(*)::int as count, coalesce(sum(c.arr_minor), 0)::float8 as arr,
        coalesce(sum(c.mrr_minor), 0)::float8 as mrr, coalesce(sum(c.acv_minor), 0)::float8 as acv
      from ${clientFrom(needsScore(f))} where ${segmentWhere(orgId, f)}
      group by c.currency order by count(*) desc, c.currency`,
  );
}

/** One page of the clients the filter keeps, sorted. */
export async function segmentPage(
  db: Db,
  orgId: string,
  f: ResolvedSegmentFilter,
  page: { sort: SegmentSort; limit: number; offset: number },
) {
  return rows<SegmentClientRow>(
    db,
    sql`select ${clientColumns} from ${clientFrom(true)} where ${segmentWhere(orgId, f)}
      order by ${segmentOrder(page.sort)} limit ${page.limit} offset ${page.offset}`,
  );
}

/**
 * The export's query: every client the filter keeps with its reasons, in name order; with `after` and
 * `size`, the batch after (name, id) (keyset pagination, so an export of any size holds one batch in
 * memory and never re-reads skipped rows the way OFFSET would). The bench runs it whole through COPY.
 */
export function segmentExportQuery(
  orgId: string,
  f: ResolvedSegmentFilter,
  after: { name: string; id: string } | null,
  size: number | null,
): SQL {
  // "name >=" lets the (org_id, name) index start at the last name; the row comparison breaks ties by id.
  const keyset = after
    ? sql` and c.name >= ${after.name} and (c.name, c.id) > (${after.name}, ${after.id}::uuid)`
    : sql``;
  return sql`select ${clientColumns},
        (select string_agg(rc.label, '; ' order by r.position) from pulse_entry_reasons r
          join reason_codes rc on rc.id = r.reason_code_id where r.entry_id = ${currentEntryId}) as reasons
      from ${clientFrom(true)} where ${segmentWhere(orgId, f)}${keyset}
      order by c.name asc, c.id asc${size === null ? sql`` : sql` limit ${size}`}`;
}

/** The next batch of the export after (name, id) in name order. */
export async function segmentBatchAfter(
  db: Db,
  orgId: string,
  f: ResolvedSegmentFilter,
  after: { name: string; id: string } | null,
  size: number,
) {
  return rows<SegmentExportRow>(db, segmentExportQuery(orgId, f, after, size));
}
