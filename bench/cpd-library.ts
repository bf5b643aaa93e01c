import { sql } from "drizzle-orm";
import type { CatalogItem } from "../src/features/academy/cpd/library/catalog-format.js";
import { importCatalog } from "../src/features/academy/cpd/library/catalog-import.js";
import { LibraryQuery } from "../src/features/academy/cpd/library/contract.js";
import { demoCatalog } from "../src/features/academy/cpd/library/demo-catalog.js";
import { searchLibrary } from "../src/features/academy/cpd/library/search.js";
import type { Database } from "../src/platform/db/database.js";
import { enginesFrom, onEachEngine, startBenchRuntime, time } from "./engine-bench.js";

// Part of `npm run bench`: CPD Library search at BENCH_CPD_ITEMS items (default 10,000: the demo catalog
// and numbered variants of it), on PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL.
// Each case times searchLibrary (one statement: matches, ranked page with ts_headline, facet counts,
// total) next to hand-written SQL for the same answer (a ranked page, a count and two GROUP BYs as
// separate statements, no highlighting), and checks both return the same page.
// BENCH_CPD_RUNS (default 30) runs per case; BENCH_CPD_ENGINES=pglite (or postgres) runs one.

const ITEMS = Number(process.env.BENCH_CPD_ITEMS ?? 10_000);
const RUNS = Number(process.env.BENCH_CPD_RUNS ?? 30);
const ENGINES = enginesFrom(process.env.BENCH_CPD_ENGINES);
const USER = "00000000-0000-4000-8000-000000000000";

function catalogOf(size: number) {
  const demo = demoCatalog();
  const items: CatalogItem[] = [...demo.items];
  for (let n = 1; items.length < size; n++)
    for (const item of demo.items) {
      if (items.length >= size) break;
      items.push({ ...item, key: `${item.key}-v${n}`, title: `${item.title}, Part ${n + 1}` });
    }
  return { ...demo, items };
}

const rowsOf = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

/** The same answer in plain SQL: the ranked page, the total and the two facet counts. */
async function handWritten(database: Database, q: string) {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const page = await rowsOf<{ id: string }>(
    database,
    sql`select id from academy_cpd_library_items where archived_at is null and search @@ ${tsq}
        order by ts_rank_cd(search, ${tsq}) desc, published_on desc, id limit 20`,
  );
  await rowsOf(
    database,
    sql`select count(*) from academy_cpd_library_items where archived_at is null and search @@ ${tsq}`,
  );
  await rowsOf(
    database,
    sql`select format, count(*) from academy_cpd_library_items where archived_at is null and search @@ ${tsq} group by format`,
  );
  await rowsOf(
    database,
    sql`select category, count(*) from academy_cpd_library_items where archived_at is null and search @@ ${tsq} group by category`,
  );
  return page.map((r) => r.id);
}

async function bench(label: string, database: Database): Promise<string[]> {
  const runtime = await startBenchRuntime(database);
  try {
    const catalog = catalogOf(ITEMS);
    const started = performance.now();
    await database.db.transaction((tx) => importCatalog(tx, catalog, new Date()));
    await database.db.execute(sql`analyze academy_cpd_library_items`);
    const lines = [`${label}: imported ${catalog.items.length} items in ${Math.round(performance.now() - started)} ms`];
    for (const q of ["onboarding", "health scores", "renewal forecasting enterprise"]) {
      const query = LibraryQuery.parse({ q });
      const app = await searchLibrary(database.db, USER, query);
      const plain = await handWritten(database, q);
      if (JSON.stringify(app.items.map((i) => i.id)) !== JSON.stringify(plain))
        throw new Error(`${label} "${q}": the two queries answer different pages`);
      const a = await time(RUNS, () => searchLibrary(database.db, USER, query));
      const b = await time(RUNS, () => handWritten(database, q));
      lines.push(
        `${label} q="${q}" (${app.total} matches): searchLibrary p50 ${a.p50.toFixed(1)} ms (p99 ${a.p99.toFixed(1)}) | hand-written SQL p50 ${b.p50.toFixed(1)} ms (p99 ${b.p99.toFixed(1)})`,
      );
    }
    const browse = await time(RUNS, () => searchLibrary(database.db, USER, LibraryQuery.parse({})));
    const typo = await time(RUNS, () => searchLibrary(database.db, USER, LibraryQuery.parse({ q: "onbording" })));
    lines.push(
      `${label} browse (no q, newest): p50 ${browse.p50.toFixed(1)} ms; no match + did-you-mean: p50 ${typo.p50.toFixed(1)} ms`,
    );
    return lines;
  } finally {
    await runtime.close().catch(() => {});
  }
}

for (const line of await onEachEngine(ENGINES, bench)) console.log(line);
