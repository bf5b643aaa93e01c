import type { AppContext } from "../../../platform/context.js";
import { clientFacets } from "../clients/facets.js";
import { isRiskLevel, levelOfRank, PULSE_LABELS, PULSE_LEVELS } from "../pulses/pulse-levels.js";
import { getHealthSettings } from "../settings/store.js";
import { isCurrent, snapshotState } from "../snapshots/store.js";
import type { PulseHealthReport, PulseReasonsReport, ReportClient, ReportFacets, ReportFilter } from "./contract.js";
import { snapshotAnswers, snapshotHealthReport, snapshotReasonsReport } from "./snapshot-totals.js";
import * as store from "./store.js";

/** Where an "as of" report came from (the `X-Pulse-As-Of-Source` header): the day's totals, or history. */
export type AsOfSource = "snapshot" | "history";

/** Whether the day's totals are current (no write touched the day since) and answer the filter. */
async function snapshotFits(ctx: AppContext, orgId: string, filter: ReportFilter, report: "health" | "reasons") {
  if (!filter.asOf || !snapshotAnswers(filter, report)) return false;
  return isCurrent(await snapshotState(ctx.database.db, orgId), filter.asOf);
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** Report context: the org's currency and the money column a "count" report lists (its primary metric). */
async function listSettings(ctx: AppContext, orgId: string, filter: ReportFilter) {
  const settings = await getHealthSettings(ctx.database.db, orgId);
  return {
    currency: settings.currency,
    valueColumn: filter.measure === "count" ? settings.primaryMetric : filter.measure,
  };
}

/** Presents a page of clients, each with its 90-day pulse trend. */
async function withTrends(
  ctx: AppContext,
  orgId: string,
  page: store.ClientListRow[],
  filter: ReportFilter,
): Promise<ReportClient[]> {
  const points = await store.trends(
    ctx.database.db,
    orgId,
    page.map((p) => p.id),
    filter.asOf,
    ctx.clock.now(),
  );
  return page.map((row) => ({
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
}

/** Seed 001's Current Pulse Health report: the six levels by count or money, Satisfied vs Risk, and the client list. */
export async function pulseHealthReport(ctx: AppContext, orgId: string, filter: ReportFilter) {
  return (await pulseHealthReportWithSource(ctx, orgId, filter)).report;
}

export async function pulseHealthReportWithSource(
  ctx: AppContext,
  orgId: string,
  filter: ReportFilter,
): Promise<{ report: PulseHealthReport; source: AsOfSource | null }> {
  const { currency, valueColumn } = await listSettings(ctx, orgId, filter);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const fromSnapshot = (await snapshotFits(ctx, orgId, filter, "health"))
    ? await snapshotHealthReport(db, orgId, filter, now, { valueColumn })
    : null;
  const result = fromSnapshot ?? (await store.healthReport(db, orgId, filter, now, { valueColumn }));
  const at = (rank: number | null) => result.breakdown.find((b) => (b.rank === null ? null : Number(b.rank)) === rank);
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
  const risk = sum((s) => s.level !== "none" && isRiskLevel(s.level));
  const satisfied = sum((s) => s.level !== "none" && !isRiskLevel(s.level));
  const measured = (a: { count: number; value: number }) => (filter.measure === "count" ? a.count : a.value);
  const both = measured(satisfied) + measured(risk);
  const report = {
    asOf: filter.asOf ?? null,
    measure: filter.measure,
    currency,
    slices,
    totals: sum(() => true),
    satisfied: { ...satisfied, percent: percent(measured(satisfied), both) },
    risk: { ...risk, percent: percent(measured(risk), both) },
    clients: await withTrends(ctx, orgId, result.page, filter),
    clientTotal: result.total,
  };
  return { report, source: sourceOf(filter, fromSnapshot) };
}

const sourceOf = (filter: ReportFilter, fromSnapshot: unknown): AsOfSource | null =>
  filter.asOf ? (fromSnapshot ? "snapshot" : "history") : null;

/** Seed 001's Current Pulse Reasons report: reason codes of each client's current pulse, top first. */
export async function pulseReasonsReport(ctx: AppContext, orgId: string, filter: ReportFilter) {
  return (await pulseReasonsReportWithSource(ctx, orgId, filter)).report;
}

export async function pulseReasonsReportWithSource(
  ctx: AppContext,
  orgId: string,
  filter: ReportFilter,
): Promise<{ report: PulseReasonsReport; source: AsOfSource | null }> {
  const { currency, valueColumn } = await listSettings(ctx, orgId, filter);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const fromSnapshot = (await snapshotFits(ctx, orgId, filter, "reasons"))
    ? await snapshotReasonsReport(db, orgId, filter, now, { valueColumn })
    : null;
  const result = fromSnapshot ?? (await store.reasonsReport(db, orgId, filter, now, { valueColumn }));
  const report = {
    asOf: filter.asOf ?? null,
    measure: filter.measure,
    currency,
    reasons: result.reasons.map((r) => ({
      reasonCodeId: r.reason_code_id,
      code: r.code,
      label: r.label,
      category: r.category,
      kind: r.kind,
      count: Number(r.count),
      value: Number(r.value),
    })),
    withoutReason: { count: Number(result.without.count), value: Number(result.without.value) },
    totals: { count: Number(result.totals.count), value: Number(result.totals.value) },
    clients: await withTrends(ctx, orgId, result.page, filter),
    clientTotal: result.total,
  };
  return { report, source: sourceOf(filter, fromSnapshot) };
}

export async function reportFacets(ctx: AppContext, orgId: string): Promise<ReportFacets> {
  const { types, csms } = await clientFacets(ctx, orgId);
  const settings = await getHealthSettings(ctx.database.db, orgId);
  return { clientTypes: types, csms, primaryMetric: settings.primaryMetric };
}
