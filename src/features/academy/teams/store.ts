import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import type { TeamProgressFilter } from "./contract.js";

export type GridRow = {
  user_id: string;
  name: string;
  email: string;
  program_key: string;
  program_title: string;
  level_number: number;
  level_title: string;
  module_key: string;
  module_number: number;
  module_title: string;
  percent: number | null;
  status: "not_started" | "in_progress" | "completed";
  completed_at: Date | string | null;
  last_activity_at: Date | string | null;
  attempts: number | null;
  best_score: number | null;
  last_score: number | null;
  passed: boolean | null;
  total: number | string;
};

const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Members of the organization x live modules, with each member's module progress (academy_progress)
 * and module-test attempts (academy_attempts). Filtered and paged in SQL; the attempts are looked up
 * only for the page's rows. `page` null: every row (CSV export).
 */
export async function teamGrid(
  db: Db,
  orgId: string,
  filter: TeamProgressFilter,
  page: { limit: number; offset: number } | null,
  people: { limit: number; offset: number } | null = null,
): Promise<GridRow[]> {
  const conditions: SQL[] = [];
  if (filter.person) conditions.push(sql`and m.user_id = ${filter.person}`);
  if (filter.q)
    conditions.push(sql`and (lower(u.name) like ${like(filter.q)} or lower(u.email) like ${like(filter.q)})`);
  const programCondition = filter.program ? sql`and p.key = ${filter.program}` : sql``;
  const statusCondition = filter.status ? sql`where status = ${filter.status}` : sql``;
  const paging = page ? sql`limit ${page.limit} offset ${page.offset}` : sql``;
  const stats = sql`count(*)::int as attempts, max(a.score_percent) as best_score,
    coalesce(bool_or(a.passed), false) as passed, (array_agg(a.score_percent order by a.submitted_at desc))[1] as last_score`;
  // A page looks up its rows' attempts by index; every row (CSV) aggregates all attempts once instead.
  const attemptsJoin =
    page || people
      ? sql`left join lateral (select ${stats} from academy_attempts a
            where a.user_id = page.user_id and a.assessment_id = page.test_id and a.submitted_at is not null) att on true`
      : sql`left join (select a.user_id, a.assessment_id, ${stats} from academy_attempts a
            where a.submitted_at is not null and a.user_id in (select user_id from team)
            group by a.user_id, a.assessment_id) att on att.user_id = page.user_id and att.assessment_id = page.test_id`;
  const query = sql`
    with team as (
      select m.user_id, u.name, u.email
      from memberships m join users u on u.id = m.user_id
      where m.org_id = ${orgId} ${sql.join(conditions, sql` `)}
      ${people ? sql`order by u.name, m.user_id limit ${people.limit} offset ${people.offset}` : sql``}
    ),
    mods as materialized (
      select md.id, md.key as module_key, md.number as module_number, md.title as module_title, md.position,
             p.key as program_key, p.title as program_title, p.position as program_position,
             l.number as level_number, l.title as level_title,
             (select a.id from academy_assessments a
               where a.module_id = md.id and a.kind = 'module_test' and a.archived_at is null limit 1) as test_id
      from academy_modules md
      join academy_levels l on l.id = md.level_id
      join academy_programs p on p.id = md.program_id
      where md.archived_at is null and p.archived_at is null ${programCondition}
    ),
    grid as (
      select t.user_id, t.name, t.email, mods.*, pr.percent, pr.completed_at, pr.last_activity_at,
             case when pr.completed_at is not null then 'completed'
                  when pr.user_id is not null then 'in_progress'
                  else 'not_started' end as status
      from team t cross join mods
      left join academy_progress pr
        on pr.user_id = t.user_id and pr.object_type = 'module' and pr.object_id = mods.id
    ),
    page as (
      select grid.*, count(*) over () as total from grid ${statusCondition}
      ${page ? sql`order by name, user_id, program_position, position ${paging}` : sql``}
    )
    select page.user_id, page.name, page.email, page.program_key, page.program_title, page.level_number,
           page.level_title, page.module_key, page.module_number, page.module_title, page.percent, page.status,
           page.completed_at, page.last_activity_at, page.total,
           att.attempts, att.best_score, att.last_score, att.passed
    from page
    ${attemptsJoin}
    order by name, user_id, program_position, position`;
  return ((await db.execute(query)) as unknown as { rows: GridRow[] }).rows;
}

/** How many people and modules the filter (without status) covers: the grid is their product. */
export async function gridSize(db: Db, orgId: string, filter: TeamProgressFilter) {
  const conditions: SQL[] = [];
  if (filter.person) conditions.push(sql`and m.user_id = ${filter.person}`);
  if (filter.q)
    conditions.push(sql`and (lower(u.name) like ${like(filter.q)} or lower(u.email) like ${like(filter.q)})`);
  const programCondition = filter.program ? sql`and p.key = ${filter.program}` : sql``;
  const result = await db.execute(sql`
    select
      (select count(*)::int from memberships m join users u on u.id = m.user_id
        where m.org_id = ${orgId} ${sql.join(conditions, sql` `)}) as people,
      (select count(*)::int from academy_modules md join academy_programs p on p.id = md.program_id
        where md.archived_at is null and p.archived_at is null ${programCondition}) as modules`);
  const [row] = (result as unknown as { rows: { people: number; modules: number }[] }).rows;
  return { people: Number(row?.people ?? 0), modules: Number(row?.modules ?? 0) };
}

export async function livePrograms(db: Db) {
  const rows = await db.execute(
    sql`select key, title from academy_programs where archived_at is null order by position, key`,
  );
  return (rows as unknown as { rows: { key: string; title: string }[] }).rows;
}
