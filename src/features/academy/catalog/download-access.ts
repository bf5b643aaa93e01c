import { sql } from "drizzle-orm";
import { AppError } from "../../../kernel/app-error.js";
import type { Actor } from "../../../kernel/auth.js";
import type { AppContext } from "../../../platform/context.js";
import { activePlans } from "./access.js";
import { levelLock } from "./plans.js";

/** Where the content links a download: the plans of each level that links it, and whether it is public there. */
async function linksOf(ctx: AppContext, file: string): Promise<{ plans: string[]; public: boolean }[]> {
  const result = await ctx.database.db.execute(sql`
    select l.plans, coalesce((i.data->>'public')::boolean, false) as public
      from academy_items i
      join academy_lessons ls on ls.id = i.lesson_id and ls.archived_at is null
      join academy_modules m on m.id = ls.module_id and m.archived_at is null
      join academy_levels l on l.id = m.level_id and l.archived_at is null
     where i.kind = 'workbook' and i.archived_at is null and i.data->>'file' = ${file}
    union all
    select l.plans, coalesce((t->>'public')::boolean, false) as public
      from academy_modules m
      cross join lateral jsonb_array_elements(m.tools) t
      join academy_levels l on l.id = m.level_id and l.archived_at is null
     where m.archived_at is null and t->>'file' = ${file}`);
  return (result as unknown as { rows: { plans: string[]; public: boolean }[] }).rows;
}

/**
 * May the caller download a content file (a workbook or tool under `downloads/`)? Like the lessons it
 * belongs to: the plan of a level that links it (staff open everything). A file the content marks
 * `public: true` needs neither plan nor sign-in; one the content does not link is not found.
 */
export async function assertMayDownload(ctx: AppContext, actor: Actor | null, file: string): Promise<void> {
  const links = await linksOf(ctx, file);
  if (links.some((l) => l.public)) return;
  if (!actor) throw new AppError("unauthenticated", "Please sign in to continue.");
  if (actor.isPlatformAdmin) return;
  if (links.length === 0) throw new AppError("not_found", `No file /downloads/${file}.`);
  const held = await activePlans(ctx, ctx.database.db, actor.userId);
  const locks = links.map((l) => levelLock(l.plans, held, false));
  const closed = locks.find((lock) => !lock.open);
  if (locks.some((lock) => lock.open) || !closed || closed.open) return;
  throw new AppError("forbidden", `This download belongs to a locked level. ${closed.message}`);
}
