import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { ensureReasonCodes } from "../pulses/service.js";
import { listReasonCodes } from "../pulses/store.js";
import { buildSnapshots } from "../snapshots/store.js";

export type HealthDataOptions = {
  orgId: string;
  clients: number;
  csmIds: string[];
  /** How far back pulse history goes. */
  months: number;
  today: string; // YYYY-MM-DD
  /** Weeks of weekly-active-user figures per client (0 for none). */
  usageWeeks: number;
  seed?: number;
};

const FIRST = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Stark",
  "Wayne",
  "Wonka",
  "Tyrell",
  "Cyberdyne",
  "Soylent",
  "Vandelay",
  "Pied Piper",
  "Aperture",
  "Oscorp",
  "Gringotts",
  "Monarch",
  "Nakatomi",
  "Virtucon",
  "Dunder",
];
const SECOND = [
  "Labs",
  "Systems",
  "Health",
  "Logistics",
  "Retail",
  "Capital",
  "Energy",
  "Media",
  "Foods",
  "Analytics",
  "Robotics",
  "Travel",
  "Software",
  "Bank",
  "Insurance",
];
const RISK_NOTES = [
  "Champion went quiet after the reorg.",
  "Budget review next month; renewal uncertain.",
  "Usage dropped since the last release.",
  "Escalated support tickets still open.",
  "Asked about contract terms and exit options.",
];
const GOOD_NOTES = [
  "Great QBR, sponsor is happy.",
  "Rolled out to two more teams.",
  "Weekly cadence going well.",
  "Shared a strong ROI story with their CFO.",
  "Asked about the new analytics add-on.",
];

const text = (values: string[]) => sql`${sql.param(values)}::text[]`;

/**
 * Generates clients with dated history and years of pulses inside the database (generate_series and
 * a seeded random()), so 100,000 clients and about 3 million entries take seconds, not hours; then the
 * daily "as of" snapshots the job keeps.
 */
export async function generateHealthData(db: Db, o: HealthDataOptions): Promise<{ clients: number; entries: number }> {
  await ensureReasonCodes(db, o.orgId);
  const codes = await listReasonCodes(db, o.orgId);
  const risk = codes.filter((c) => c.code.kind !== "success" && !c.code.retiredAt).map((c) => c.code.id);
  const success = codes.filter((c) => c.code.kind !== "risk" && !c.code.retiredAt).map((c) => c.code.id);
  const csms = sql`${sql.param(o.csmIds)}::uuid[]`;
  const today = sql`${o.today}::date`;
  await db.execute(sql`select setseed(${o.seed ?? 0.42})`);
  await db.execute(sql`
    insert into clients (org_id, external_id, name, client_type, assigned_csm_id, status, arr_minor, mrr_minor, acv_minor,
      currency, next_renewal_date, client_since, tags)
    select ${o.orgId}, 'demo-' || g, n.first || ' ' || n.second || ' ' || g,
      case when r.t < 0.1 then 'Strategic' when r.t < 0.35 then 'Enterprise' when r.t < 0.7 then 'Mid-Market' else 'SMB' end,
      case when cardinality(${csms}) = 0 or r.u < 0.05 then null else (${csms})[1 + floor(r.c * cardinality(${csms}))::int] end,
      case when r.s < 0.08 then 'onboarding' when r.s < 0.93 then 'active' when r.s < 0.97 then 'at_risk' else 'inactive' end,
      a.arr, a.arr / 12, a.arr, 'USD',
      ${today} + floor(r.renew * 365)::int,
      ${today} - (60 + floor(r.since * 1400))::int,
      case when r.t < 0.5 then array['emea'] else array['amer'] end
    from generate_series(1, ${o.clients}) g
    cross join lateral (select random() as t, random() as u, random() as c, random() as s, random() as renew,
      random() as since, random() as m, random() as f1, random() as f2, g as k) r
    cross join lateral (select ((2000 + floor(power(r.m, 3) * 498000))::bigint * 100) as arr) a
    cross join lateral (select (${text(FIRST)})[1 + floor(r.f1 * ${FIRST.length})::int] as first,
      (${text(SECOND)})[1 + floor(r.f2 * ${SECOND.length})::int] as second) n`);
  await db.execute(sql`
    insert into client_versions (org_id, client_id, valid_from, valid_until, client_type, assigned_csm_id, status, arr_minor, mrr_minor, acv_minor, next_renewal_date,
      name, currency, client_since, archived_at)
    select org_id, id, client_since,
      case when hashtext(id::text) % 5 = 0 then greatest(client_since + 1, ${today} - 180) end,
      client_type, assigned_csm_id, status,
      case when hashtext(id::text) % 5 = 0 then (arr_minor * 0.8)::bigint else arr_minor end,
      case when hashtext(id::text) % 5 = 0 then (mrr_minor * 0.8)::bigint else mrr_minor end,
      case when hashtext(id::text) % 5 = 0 then (acv_minor * 0.8)::bigint else acv_minor end,
      next_renewal_date, name, currency, client_since, archived_at
    from clients where org_id = ${o.orgId} and external_id like 'demo-%'`);
  // One client in five grew its ARR half a year ago: a second dated version (the first one's span ends there).
  await db.execute(sql`
    insert into client_versions (org_id, client_id, valid_from, client_type, assigned_csm_id, status, arr_minor, mrr_minor, acv_minor, next_renewal_date,
      name, currency, client_since, archived_at)
    select org_id, id, greatest(client_since + 1, ${today} - 180), client_type, assigned_csm_id, status, arr_minor, mrr_minor, acv_minor, next_renewal_date,
      name, currency, client_since, archived_at
    from clients where org_id = ${o.orgId} and external_id like 'demo-%' and hashtext(id::text) % 5 = 0`);
  await db.execute(sql`
    insert into pulse_entries (org_id, client_id, rank, note, effective_at, recorded_at, recorded_by, reason_code_ids, valid_until)
    select g.*, lead(g.effective_at) over (partition by g.client_id order by g.effective_at, g.recorded_at)
    from (select c.org_id, c.id as client_id, w.rank,
      case when w.rank <= 3 then (${text(RISK_NOTES)})[1 + floor(random() * ${RISK_NOTES.length})::int]
           else (${text(GOOD_NOTES)})[1 + floor(random() * ${GOOD_NOTES.length})::int] end,
      d.day + make_interval(hours => 9 + floor(random() * 8)::int) as effective_at,
      d.day + make_interval(hours => 17) as recorded_at, c.assigned_csm_id,
      case when w.rank <= 3 then array[(${sql.param(risk)}::uuid[])[1 + floor(random() * ${risk.length})::int]]
           when random() < 0.6 then array[(${sql.param(success)}::uuid[])[1 + floor(random() * ${success.length})::int]]
           else '{}'::uuid[] end as reason_code_ids
    from clients c
    cross join lateral (select (abs(hashtext(c.id::text)) % 100) as h) b
    cross join lateral generate_series(
      greatest(c.client_since, ${today} - ${o.months * 30}::int)::timestamptz,
      (${today} - 1)::timestamptz,
      make_interval(days => 12 + (abs(hashtext(c.id::text || 'step')) % 18))) d(day)
    cross join lateral (select least(6, greatest(1,
      (case when b.h < 4 then 1 when b.h < 10 then 2 when b.h < 24 then 3 when b.h < 60 then 4 when b.h < 86 then 5 else 6 end)
      + floor(random() * 3)::int - 1)) as rank) w
    where c.org_id = ${o.orgId} and c.external_id like 'demo-%') g`);
  await db.execute(sql`
    insert into pulse_entry_reasons (entry_id, org_id, reason_code_id, position)
    select e.id, e.org_id, r.id, r.position - 1
    from pulse_entries e cross join lateral unnest(e.reason_code_ids) with ordinality as r(id, position)
    where e.org_id = ${o.orgId} and not exists (select 1 from pulse_entry_reasons x where x.entry_id = e.id)`);
  await db.execute(sql`
    update clients c set current_pulse_rank = p.rank, current_pulse_at = p.effective_at, current_pulse_entry_id = p.id,
      current_reason_code_ids = p.reason_code_ids
    from (select id, client_id, rank, effective_at, reason_code_ids from pulse_entries
          where org_id = ${o.orgId} and valid_until is null) p
    where p.client_id = c.id`);
  if (o.usageWeeks > 0) {
    await db.execute(sql`
      insert into usage_figures (org_id, client_id, metric, week_start, value)
      select c.org_id, c.id, 'weekly_active_users', (${today} - 7 * w)::date,
        greatest(0, round((10 + abs(hashtext(c.id::text)) % 200) * (1 + (c.current_pulse_rank - 3.5) * 0.04 * (12 - w) / 12.0)
          * (0.9 + random() * 0.2)))::bigint
      from clients c cross join generate_series(1, ${o.usageWeeks}) w
      where c.org_id = ${o.orgId} and c.external_id like 'demo-%' and c.current_pulse_rank is not null`);
  }
  // The daily "as of" totals, as the nightly job would have kept them.
  await buildSnapshots(db, o.orgId, o.today);
  const counted = (await db.execute(
    sql`select (select count(*) from clients where org_id = ${o.orgId})::int as clients,
               (select count(*) from pulse_entries where org_id = ${o.orgId})::int as entries`,
  )) as unknown as { rows: { clients: number; entries: number }[] };
  return counted.rows[0] ?? { clients: 0, entries: 0 };
}
