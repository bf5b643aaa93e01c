import { stringify } from "csv-stringify/sync";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import type { TeamProgressFilter, TeamProgressPage, TeamProgressQuery, TeamProgressRow } from "./contract.js";
import { type GridRow, gridSize, livePrograms, teamGrid } from "./store.js";

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function present(r: GridRow): TeamProgressRow {
  return {
    userId: r.user_id,
    name: r.name,
    email: r.email,
    program: { key: r.program_key, title: r.program_title },
    level: { number: Number(r.level_number), title: r.level_title },
    module: { key: r.module_key, number: Number(r.module_number), title: r.module_title },
    percent: r.percent ?? 0,
    status: r.status,
    completedAt: iso(r.completed_at),
    lastActivityAt: iso(r.last_activity_at),
    test: {
      attempts: r.attempts ?? 0,
      bestScorePercent: r.best_score,
      lastScorePercent: r.last_score,
      passed: Boolean(r.passed),
    },
  };
}

/** Managers and admins: every member's progress per module in the organization. */
export async function teamProgress(
  ctx: AppContext,
  orgId: string,
  query: TeamProgressQuery,
): Promise<TeamProgressPage> {
  const { limit, offset, ...filter } = query;
  const db = ctx.database.db;
  const programs = await livePrograms(db);
  if (filter.status) {
    const rows = await teamGrid(db, orgId, filter, { limit, offset });
    return { rows: rows.map(present), total: Number(rows[0]?.total ?? 0), limit, offset, programs };
  }
  // Without a status filter every person has one row per module: page over people, then cut the rows.
  const size = await gridSize(db, orgId, filter);
  const total = size.people * size.modules;
  if (total === 0 || offset >= total) return { rows: [], total, limit, offset, programs };
  const firstPerson = Math.floor(offset / size.modules);
  const skip = offset - firstPerson * size.modules;
  const people = { offset: firstPerson, limit: Math.ceil((skip + limit) / size.modules) };
  const rows = await teamGrid(db, orgId, filter, null, people);
  return { rows: rows.slice(skip, skip + limit).map(present), total, limit, offset, programs };
}

/** A member's own rows in the same shape: what "My progress" shows. */
export async function myProgress(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  query: TeamProgressQuery,
): Promise<TeamProgressPage> {
  return teamProgress(ctx, orgId, { ...query, person: actor.userId, q: undefined });
}

// OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets (as
// src/features/health/clients/export does).
const FORMULA_START = /^[=+\-@\t\r]/;
export const escapeCell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export const CSV_HEADER = [
  "Name",
  "Email",
  "Program",
  "Level",
  "Module",
  "Percent complete",
  "Status",
  "Completed at",
  "Last activity",
  "Test attempts",
  "Best test score %",
  "Last test score %",
  "Test passed",
];

/** Every matching row as CSV (BOM for Excel; text cells formula-escaped). */
export async function teamProgressCsv(ctx: AppContext, orgId: string, filter: TeamProgressFilter): Promise<string> {
  const rows = (await teamGrid(ctx.database.db, orgId, filter, null)).map(present);
  const records = rows.map((r) => [
    escapeCell(r.name),
    escapeCell(r.email),
    escapeCell(r.program.title),
    escapeCell(`Level ${r.level.number}: ${r.level.title}`),
    escapeCell(`Module ${r.module.number}: ${r.module.title}`),
    String(r.percent),
    r.status.replace("_", " "),
    r.completedAt ?? "",
    r.lastActivityAt ?? "",
    String(r.test.attempts),
    r.test.bestScorePercent === null ? "" : String(r.test.bestScorePercent),
    r.test.lastScorePercent === null ? "" : String(r.test.lastScorePercent),
    r.test.attempts === 0 ? "" : r.test.passed ? "yes" : "no",
  ]);
  return stringify([CSV_HEADER, ...records], { bom: true });
}
