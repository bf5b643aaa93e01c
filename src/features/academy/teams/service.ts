import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import type { TeamProgressPage, TeamProgressQuery, TeamProgressRow } from "./contract.js";
import { examResults } from "./exam-results.js";
import { examSubjects, present } from "./present.js";
import { gridSize, livePrograms, teamGrid } from "./store.js";

export { CSV_HEADER, escapeCell, teamProgressCsv } from "./csv.js";

/**
 * Managers and admins: every member's progress per module in the organization, and the exam results of
 * the members and programs on the page.
 */
export async function teamProgress(
  ctx: AppContext,
  orgId: string,
  query: TeamProgressQuery,
): Promise<TeamProgressPage> {
  const { limit, offset, ...filter } = query;
  const db = ctx.database.db;
  const programs = await livePrograms(db);
  const withExams = async (rows: TeamProgressRow[], total: number): Promise<TeamProgressPage> => {
    const exams = await examResults(db, orgId, examSubjects(rows), ctx.clock.now());
    return { rows, exams, total, limit, offset, programs };
  };
  if (filter.status) {
    const rows = await teamGrid(db, orgId, filter, { limit, offset });
    return withExams(rows.map(present), Number(rows[0]?.total ?? 0));
  }
  // Without a status filter every person has one row per module: page over people, then cut the rows.
  const size = await gridSize(db, orgId, filter);
  const total = size.people * size.modules;
  if (total === 0 || offset >= total) return { rows: [], exams: [], total, limit, offset, programs };
  const firstPerson = Math.floor(offset / size.modules);
  const skip = offset - firstPerson * size.modules;
  const people = { offset: firstPerson, limit: Math.ceil((skip + limit) / size.modules) };
  const rows = await teamGrid(db, orgId, filter, null, people);
  return withExams(rows.slice(skip, skip + limit).map(present), total);
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
