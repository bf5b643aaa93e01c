import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { buildTotalsSql } from "./build-sql.js";

/** How many days back the daily totals go; reports "as of" an older day read history. */
export const SNAPSHOT_DAYS = 400;

const DAY_MS = 86_400_000;
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
const minDay = (...days: (string | null | undefined)[]) =>
  days.filter((d): d is string => typeof d === "string").sort()[0] ?? null;

type Row = Record<string, unknown>;
const rows = async (db: Db, query: ReturnType<typeof sql>): Promise<Row[]> =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
const dayText = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? utcDay(value) : String(value).slice(0, 10);

/** The lock builders take alone and writers share (see touchSnapshotDays). */
const lockKey = (orgId: string) => sql`hashtextextended(${`health-snapshot:${orgId}`}, 0)`;

/**
 * Called by every transaction that changes an organization's history, after its other writes: the days
 * from `fromDay` on may now differ from their snapshot. Writers share an advisory lock that a builder
 * takes alone while it advances what it covers, so no write can slip between a builder's reading of the
 * history and its claim of the days; a write to a covered day lowers stale_from and bumps `touches`
 * (only back-dated writes reach a covered day, so writers of today's pulses never queue on the state row).
 */
export async function touchSnapshotDays(db: Db, orgId: string, fromDay: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${lockKey(orgId)})`);
  await db.execute(sql`
    update health_snapshot_state
    set stale_from = least(coalesce(stale_from, ${fromDay}::date), ${fromDay}::date), touches = touches + 1
    where org_id = ${orgId} and built_through >= ${fromDay}::date`);
}

export type SnapshotState = { builtFrom: string | null; builtThrough: string | null; staleFrom: string | null };

export async function snapshotState(db: Db, orgId: string): Promise<SnapshotState | undefined> {
  const [row] = await rows(
    db,
    sql`select built_from, built_through, stale_from from health_snapshot_state where org_id = ${orgId}`,
  );
  if (!row) return undefined;
  return {
    builtFrom: dayText(row.built_from),
    builtThrough: dayText(row.built_through),
    staleFrom: dayText(row.stale_from),
  };
}

/** Whether the totals of `day` are there and no write has touched that day since they were built. */
export const isCurrent = (state: SnapshotState | undefined, day: string): boolean =>
  !!state?.builtFrom &&
  !!state.builtThrough &&
  state.builtFrom <= day &&
  day <= state.builtThrough &&
  (state.staleFrom === null || day < state.staleFrom);

/**
 * Brings the organization's daily totals up to the day before `today` (UTC): the last SNAPSHOT_DAYS days,
 * rebuilding from the first day a write touched (or the first new day) to the end. First, alone under the
 * lock, it claims the new range (marking the days it will build as stale, so readers use history until
 * they are written) and reads `touches`; then, in a second transaction, it rewrites the days and clears
 * stale_from only if no write touched a day meanwhile (else the next run rebuilds them).
 */
export async function buildSnapshots(
  db: Db,
  orgId: string,
  today: string,
): Promise<{ from: string; to: string } | null> {
  const to = addDays(today, -1);
  const windowFrom = addDays(today, -SNAPSHOT_DAYS);
  const claim = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select pg_advisory_xact_lock(${lockKey(orgId)})`);
    const [row] = await rows(
      t,
      sql`select built_from, built_through, stale_from, touches from health_snapshot_state where org_id = ${orgId}`,
    );
    const builtFrom = dayText(row?.built_from);
    const builtThrough = dayText(row?.built_through);
    const fresh = !builtFrom || !builtThrough || builtFrom > windowFrom;
    const newDays = builtThrough && builtThrough < to ? addDays(builtThrough, 1) : null;
    const first = fresh ? windowFrom : minDay(dayText(row?.stale_from), newDays);
    const buildFrom = first && first < windowFrom ? windowFrom : first;
    await t.execute(sql`
      insert into health_snapshot_state (org_id, built_from, built_through, stale_from)
      values (${orgId}, ${windowFrom}::date, ${to}::date, ${buildFrom}::date)
      on conflict (org_id) do update set built_from = excluded.built_from, built_through = excluded.built_through,
        stale_from = excluded.stale_from`);
    return { buildFrom, touches: Number(row?.touches ?? 0) };
  });
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`
      delete from health_snapshot_totals
      where org_id = ${orgId} and (day < ${windowFrom}::date or day > ${to}::date
        ${claim.buildFrom ? sql`or day >= ${claim.buildFrom}::date` : sql``})`);
    if (!claim.buildFrom || claim.buildFrom > to) return null;
    await t.execute(buildTotalsSql(orgId, claim.buildFrom, to));
    await t.execute(sql`
      update health_snapshot_state
      set stale_from = case when touches = ${claim.touches} then null else stale_from end, built_at = now()
      where org_id = ${orgId}`);
    return { from: claim.buildFrom, to };
  });
}

/** Organizations that have clients (each gets its own snapshot). */
export async function orgIdsWithClients(db: Db): Promise<string[]> {
  return (await rows(db, sql`select distinct org_id from clients`)).map((r) => String(r.org_id));
}
