import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { LIBRARY_FORMATS, LIBRARY_PAGE_SIZE, type LibraryQuery, type LibraryResponse } from "./contract.js";
import { HEADLINE_OPTIONS, splitHighlight } from "./highlight.js";

const ORDER: Record<string, SQL> = {
  relevance: sql`rank desc, published_on desc, id`,
  newest: sql`published_on desc, title, id`,
  shortest: sql`duration_minutes, title, id`,
  title: sql`lower(title), id`,
};

type Row = {
  total: number | string;
  items: {
    id: string;
    key: string;
    title: string;
    summary: string;
    format: (typeof LIBRARY_FORMATS)[number];
    category: string;
    duration_minutes: number;
    published_on: string;
    demo: boolean;
    completed: boolean;
    title_hl: string | null;
    summary_hl: string | null;
  }[];
  formats: { value: string; count: number }[];
  categories: { value: string; count: number }[];
  demo: boolean | null;
};

/**
 * One statement answers a library page: PostgreSQL full-text search over the weighted document (title A,
 * summary B; websearch syntax), ranked with ts_rank_cd, matches marked by ts_headline on the page's rows
 * only; facet counts per format (with the category filter) and per category (with the format filter);
 * the total and the page. Without `q` every live item matches and rank is 0.
 */
export async function searchLibrary(db: Db, userId: string, query: LibraryQuery): Promise<LibraryResponse> {
  const q = query.q?.trim() ?? "";
  const sort = query.sort ?? (q ? "relevance" : "newest");
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const matches = q ? sql`i.search @@ ${tsq}` : sql`true`;
  const rank = q ? sql`ts_rank_cd(i.search, ${tsq})` : sql`0::real`;
  const byFormat = query.format ? sql`format = ${query.format}` : sql`true`;
  const byCategory = query.category ? sql`category = ${query.category}` : sql`true`;
  const offset = (query.page - 1) * LIBRARY_PAGE_SIZE;
  const headline = (column: SQL) =>
    q ? sql`ts_headline('english', ${column}, ${tsq}, ${HEADLINE_OPTIONS})` : sql`null`;
  const result = await db.execute(sql`
    with matched as materialized (
      select i.id, i.key, i.title, i.summary, i.format, i.category, i.duration_minutes, i.published_on, i.demo,
        ${rank} as rank
      from academy_cpd_library_items i
      where i.archived_at is null and ${matches}
    ),
    filtered as (select * from matched where ${byFormat} and ${byCategory}),
    page as (select * from filtered order by ${ORDER[sort]} limit ${LIBRARY_PAGE_SIZE} offset ${offset})
    select
      (select count(*) from filtered) as total,
      (select coalesce(json_agg(json_build_object('value', format, 'count', n)), '[]'::json)
         from (select format, count(*)::int as n from matched where ${byCategory} group by format) f) as formats,
      (select coalesce(json_agg(json_build_object('value', category, 'count', n) order by category), '[]'::json)
         from (select category, count(*)::int as n from matched where ${byFormat} group by category) c) as categories,
      (select coalesce(json_agg(json_build_object(
          'id', p.id, 'key', p.key, 'title', p.title, 'summary', p.summary, 'format', p.format,
          'category', p.category, 'duration_minutes', p.duration_minutes, 'published_on', p.published_on,
          'demo', p.demo, 'completed', c.completed_at is not null,
          'title_hl', ${headline(sql`p.title`)}, 'summary_hl', ${headline(sql`p.summary`)}
        ) order by p.ord), '[]'::json)
         from (select page.*, row_number() over (order by ${ORDER[sort]}) as ord from page) p
         left join academy_cpd_library_completions c on c.item_id = p.id and c.user_id = ${userId}) as items,
      (select bool_or(demo) from academy_cpd_library_items where archived_at is null) as demo
  `);
  const row = (result as unknown as { rows: Row[] }).rows[0] as Row;
  const formatCounts = new Map(row.formats.map((f) => [f.value, f.count]));
  const total = Number(row.total);
  return {
    total,
    page: query.page,
    pageSize: LIBRARY_PAGE_SIZE,
    sort,
    items: row.items.map((i) => ({
      id: i.id,
      key: i.key,
      title: i.title,
      summary: i.summary,
      format: i.format,
      category: i.category,
      durationMinutes: i.duration_minutes,
      publishedOn: i.published_on,
      demo: i.demo,
      completed: i.completed,
      highlight: {
        title: splitHighlight(i.title_hl ?? i.title),
        summary: splitHighlight(i.summary_hl ?? i.summary),
      },
    })),
    facets: {
      format: LIBRARY_FORMATS.map((value) => ({ value, count: formatCounts.get(value) ?? 0 })),
      category: row.categories,
    },
    didYouMean: total === 0 && q ? await didYouMean(db, q) : null,
    demo: row.demo ?? false,
  };
}

/**
 * The trigram "did you mean": each word of the query (3+ letters) not in the title vocabulary is replaced
 * by the most similar title word (pg_trgm `%`, similarity above the 0.3 threshold); null when nothing
 * changed or nothing is close.
 */
export async function didYouMean(db: Db, q: string): Promise<string | null> {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return null;
  const result = await db.execute(sql`
    select t.word as typed, coalesce(
      (select w.word from academy_cpd_library_words w where w.word = t.word),
      (select w.word from academy_cpd_library_words w where length(t.word) >= 3 and w.word % t.word
        order by similarity(w.word, t.word) desc, w.word limit 1)) as suggested, t.n
    from unnest(${sql.param(words)}::text[]) with ordinality as t(word, n)
    order by t.n`);
  const rows = (result as unknown as { rows: { typed: string; suggested: string | null }[] }).rows;
  const suggestion = rows.map((r) => r.suggested ?? r.typed).join(" ");
  return suggestion !== words.join(" ") ? suggestion : null;
}
