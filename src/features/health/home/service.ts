import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import { levelOfRank, PULSE_LEVELS, pulseRank } from "../pulses/pulse-levels.js";
import { currentFormula } from "../pulses/service/success-score.js";
import { ReportFilterQuery } from "../reports/contract.js";
import { pulseHealthReport, pulseReasonsReport } from "../reports/service.js";
import { getHealthSettings } from "../settings/store.js";
import type { Book, Home, HomeLink, Portfolio } from "./contract.js";
import * as store from "./store.js";

const DAY_MS = 86_400_000;
/** Seed 001: "Some Risk" or worse is at risk. */
const RISK_LEVELS = PULSE_LEVELS.filter((l) => pulseRank(l) <= pulseRank("some_risk"));
const HEALTH_REPORT = "/pulse/reports/health";
const REASONS_REPORT = "/pulse/reports/reasons";

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => day(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS));
const link = (path: string, search: Record<string, string>): HomeLink => ({ path, search });
const level = (rank: number | null) => (rank === null ? null : levelOfRank(Number(rank)));
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function presentBook(row: store.BookRow, today: string, staleAfterDays: number): Book {
  const mine = { assignedTo: row.csm_id, measure: "arr" };
  const renewal = (days: number, count: number, value: number) => ({
    days,
    count,
    value,
    link: link(HEALTH_REPORT, { ...mine, renewalFrom: today, renewalTo: addDays(today, days), sort: "renewal" }),
  });
  const client = (c: store.BookRow["renewing"][number]) => ({
    id: c.id,
    name: c.name,
    arr: Number(c.arr),
    nextRenewalDate: c.next_renewal_date,
    level: level(c.rank),
  });
  return {
    csmId: row.csm_id,
    csmName: row.csm_name,
    clients: { count: row.clients, value: row.arr, link: link(HEALTH_REPORT, mine) },
    atRisk: {
      count: row.at_risk,
      value: row.at_risk_arr,
      share: share(row.at_risk_arr, row.arr),
      link: link(HEALTH_REPORT, { ...mine, levels: RISK_LEVELS.join(",") }),
    },
    renewals: [renewal(30, row.r30, row.r30_arr), renewal(60, row.r60, row.r60_arr), renewal(90, row.r90, row.r90_arr)],
    renewingClients: row.renewing.map(client),
    stale: {
      count: row.stale,
      value: row.stale_arr,
      staleAfterDays,
      // updatedTo is inclusive: a pulse set on that day or before is older than the limit.
      link: link(HEALTH_REPORT, { ...mine, updatedTo: addDays(today, -staleAfterDays - 1), sort: "updated" }),
    },
    unclaimedAlerts: { count: row.alerts, link: link("/pulse/alerts", {}) },
    movers: row.movers.map((m) => ({
      ...client(m),
      previousLevel: level(m.prev_rank),
      change: Number(m.rank ?? 0) - Number(m.prev_rank ?? 0),
    })),
  };
}

const emptyBook = (csmId: string, csmName: string | null): store.BookRow => ({
  csm_id: csmId,
  csm_name: csmName,
  clients: 0,
  arr: 0,
  at_risk: 0,
  at_risk_arr: 0,
  stale: 0,
  stale_arr: 0,
  r30: 0,
  r30_arr: 0,
  r60: 0,
  r60_arr: 0,
  r90: 0,
  r90_arr: 0,
  alerts: 0,
  renewing: [],
  movers: [],
});

/** The last day of each of the last 12 months, the current month's being today. */
function monthEnds(today: string): string[] {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const ends: string[] = [];
  for (let i = 11; i >= 1; i--) ends.push(day(new Date(Date.UTC(y, m - i, 0))));
  ends.push(today);
  return ends;
}

/** This fiscal quarter's first and last day. */
function quarterOf(today: string, fiscalStartMonth: number): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const offset = (((m - fiscalStartMonth) % 3) + 3) % 3;
  const start = new Date(Date.UTC(y, m - 1 - offset, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  return { from: day(start), to: day(end) };
}

const filter = (search: Record<string, string>) => ReportFilterQuery.parse({ limit: "1", ...search });

/**
 * The portfolio from the reports' own queries (an "as of" health report per month end, from the day's
 * snapshot when it is current, else history), so its figures match the reports they link to.
 */
async function portfolio(ctx: AppContext, orgId: string, today: string, fiscalStartMonth: number): Promise<Portfolio> {
  const months = [];
  for (const asOf of monthEnds(today)) {
    const search: Record<string, string> = asOf === today ? { measure: "arr" } : { measure: "arr", asOf };
    const r = await pulseHealthReport(ctx, orgId, filter(search));
    months.push({
      asOf,
      levels: r.slices.map((s) => ({ level: s.level, value: s.value, count: s.count })),
      satisfied: r.satisfied.value,
      risk: r.risk.value,
      link: link(HEALTH_REPORT, search),
    });
  }
  const quarter = quarterOf(today, fiscalStartMonth);
  const renewingSearch = {
    measure: "arr",
    levels: RISK_LEVELS.join(","),
    renewalFrom: today > quarter.from ? today : quarter.from,
    renewalTo: quarter.to,
  };
  const renewing = await pulseHealthReport(ctx, orgId, filter(renewingSearch));
  const risky = { levels: RISK_LEVELS.join(",") };
  const lastMonthEnd = monthEnds(today)[10] as string;
  const [thisMonth, lastMonth] = await Promise.all([
    pulseReasonsReport(ctx, orgId, filter(risky)),
    pulseReasonsReport(ctx, orgId, filter({ ...risky, asOf: lastMonthEnd })),
  ]);
  const before = new Map(lastMonth.reasons.map((r) => [r.reasonCodeId, r.count]));
  const labels = new Map([...lastMonth.reasons, ...thisMonth.reasons].map((r) => [r.reasonCodeId, r.label]));
  const riskReasons = [...labels.entries()]
    .map(([reasonCodeId, label]) => ({
      reasonCodeId,
      label,
      thisMonth: thisMonth.reasons.find((r) => r.reasonCodeId === reasonCodeId)?.count ?? 0,
      lastMonth: before.get(reasonCodeId) ?? 0,
    }))
    .sort((a, b) => b.thisMonth - a.thisMonth || b.lastMonth - a.lastMonth || a.label.localeCompare(b.label))
    .slice(0, 8);
  return {
    months,
    atRiskRenewingThisQuarter: {
      count: renewing.risk.count,
      value: renewing.risk.value,
      from: renewingSearch.renewalFrom,
      to: quarter.to,
      link: link(HEALTH_REPORT, renewingSearch),
    },
    riskReasons,
    riskReasonsLink: link(REASONS_REPORT, risky),
  };
}

/** GET /home: the sections the caller's role sees (own book; a manager's team; an executive's portfolio). */
export async function home(ctx: AppContext, orgId: string, actor: Actor): Promise<Home> {
  const db = ctx.database.db;
  const role = actor.memberships.get(orgId) ?? "member";
  const now = ctx.clock.now();
  const today = day(now);
  const [settings, formula] = await Promise.all([getHealthSettings(db, orgId), currentFormula(db, orgId)]);
  const staleAfterDays = formula.staleAfterDays;
  const team = role === "manager" ? await store.teamOf(db, orgId, actor.userId) : [];
  const rows = await store.books(db, orgId, [actor.userId, ...team], {
    today,
    now,
    staleBefore: new Date(now.getTime() - staleAfterDays * DAY_MS),
    weekAgo: new Date(now.getTime() - 7 * DAY_MS),
    riskRank: pulseRank("some_risk"),
  });
  const bookOf = (id: string, name: string | null) =>
    presentBook(rows.find((r) => r.csm_id === id) ?? emptyBook(id, name), today, staleAfterDays);
  return {
    role,
    currency: settings.currency,
    today,
    myBook: bookOf(actor.userId, actor.name),
    team:
      role === "manager"
        ? rows.filter((r) => r.csm_id !== actor.userId).map((r) => bookOf(r.csm_id, r.csm_name))
        : null,
    portfolio:
      role === "owner" || role === "admin" ? await portfolio(ctx, orgId, today, settings.fiscalStartMonth) : null,
  };
}
