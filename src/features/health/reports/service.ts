import type { AppContext } from "../../../platform/context.js";
import { isRiskLevel, levelOfRank, PULSE_LABELS, PULSE_LEVELS } from "../pulses/pulse-levels.js";
import { getHealthSettings } from "../settings/store.js";
import type { PulseHealthReport, PulseReasonsReport, ReportClient, ReportFacets, ReportFilter } from "./contract.js";
import * as store from "./store.js";

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

async function listWithTrends(
  ctx: AppContext,
  orgId: string,
  filter: ReportFilter,
  withEntry: boolean,
): Promise<{ clients: ReportClient[]; clientTotal: number; currency: string }> {
  const settings = await getHealthSettings(ctx.database.db, orgId);
  const now = ctx.clock.now();
  const valueColumn = filter.measure === "count" ? settings.primaryMetric : filter.measure;
  const { page, total } = await store.clientPage(ctx.database.db, orgId, filter, now, { valueColumn, withEntry });
  const points = await store.trends(
    ctx.database.db,
    page.map((p) => p.id),
    filter.asOf,
    now,
  );
  const clients = page.map((row) => ({
    id: row.id,
    name: row.name,
    clientType: row.client_type,
    assignedCsmId: row.assigned_csm_id,
    assignedCsmName: row.csm_name,
    status: row.status,
    value: Number(row.value),
    currency: row.currency,
    nextRenewalDate: row.next_renewal_date,
    level: row.rank ? levelOfRank(row.rank) : null,
    pulseUpdatedAt: iso(row.pulse_at),
    trend: points.filter((p) => p.client_id === row.id).map((p) => ({ at: iso(p.at) as string, rank: Number(p.rank) })),
  }));
  return { clients, clientTotal: total, currency: settings.currency };
}

/** Seed 001's Current Pulse Health report: the six levels by count or money, Satisfied vs Risk, and the client list. */
export async function pulseHealthReport(
  ctx: AppContext,
  orgId: string,
  filter: ReportFilter,
): Promise<PulseHealthReport> {
  const breakdown = await store.levelBreakdown(ctx.database.db, orgId, filter, ctx.clock.now());
  const at = (rank: number | null) => breakdown.find((b) => (b.rank === null ? null : Number(b.rank)) === rank);
  const slices = [
    ...PULSE_LEVELS.map((level, i) => ({
      level,
      label: PULSE_LABELS[level],
      count: at(i + 1)?.count ?? 0,
      value: Number(at(i + 1)?.value ?? 0),
    })),
    { level: "none" as const, label: "No pulse yet", count: at(null)?.count ?? 0, value: Number(at(null)?.value ?? 0) },
  ];
  const sum = (pick: (s: (typeof slices)[number]) => boolean) =>
    slices
      .filter(pick)
      .reduce((acc, s) => ({ count: acc.count + s.count, value: acc.value + s.value }), { count: 0, value: 0 });
  const totals = sum(() => true);
  const risk = sum((s) => s.level !== "none" && isRiskLevel(s.level));
  const satisfied = sum((s) => s.level !== "none" && !isRiskLevel(s.level));
  const measured = (a: { count: number; value: number }) => (filter.measure === "count" ? a.count : a.value);
  const list = await listWithTrends(ctx, orgId, filter, false);
  return {
    asOf: filter.asOf ?? null,
    measure: filter.measure,
    currency: list.currency,
    slices,
    totals,
    satisfied: { ...satisfied, percent: percent(measured(satisfied), measured(satisfied) + measured(risk)) },
    risk: { ...risk, percent: percent(measured(risk), measured(satisfied) + measured(risk)) },
    clients: list.clients,
    clientTotal: list.clientTotal,
  };
}

/** Seed 001's Current Pulse Reasons report: reason codes of each client's current pulse, top first. */
export async function pulseReasonsReport(
  ctx: AppContext,
  orgId: string,
  filter: ReportFilter,
): Promise<PulseReasonsReport> {
  const { byReason, totals } = await store.reasonBreakdown(ctx.database.db, orgId, filter, ctx.clock.now());
  const list = await listWithTrends(ctx, orgId, filter, true);
  return {
    asOf: filter.asOf ?? null,
    measure: filter.measure,
    currency: list.currency,
    reasons: byReason.map((r) => ({
      reasonCodeId: String(r.reason_code_id),
      code: String(r.code),
      label: String(r.label),
      category: String(r.category),
      kind: String(r.kind),
      count: Number(r.count),
      value: Number(r.value),
    })),
    withoutReason: { count: Number(totals.without_count ?? 0), value: Number(totals.without_value ?? 0) },
    totals: { count: Number(totals.count ?? 0), value: Number(totals.value ?? 0) },
    clients: list.clients,
    clientTotal: list.clientTotal,
  };
}

export async function reportFacets(ctx: AppContext, orgId: string): Promise<ReportFacets> {
  const { types, csms } = await store.facets(ctx.database.db, orgId);
  const settings = await getHealthSettings(ctx.database.db, orgId);
  return { clientTypes: types, csms, primaryMetric: settings.primaryMetric };
}
