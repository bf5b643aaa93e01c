import type { Database, Db } from "../../../../platform/db/database.js";
import * as store from "../store.js";

/** What an assessment draws from (see `store.questionPools`) and every question of it, by id. */
export type DrawnPool = { pools: Map<string, string[]>; questions: Map<string, store.QuestionRow> };

type Entry = { version: string; pool: Promise<DrawnPool> };

/**
 * Per database (one per process: a second process has its own), per assessment: the drawn pool of one
 * content version. The version is read with the assessment itself (its program row's xmin, which every
 * import and app edit rewrites in the transaction that changes the questions), so an import or an edit
 * here or in another process is seen by the next start; the old version's entry is replaced then.
 * Concurrent first starts share one load.
 */
const caches = new WeakMap<Database, Map<string, Entry>>();

async function load(db: Db, assessment: store.AssessmentRow): Promise<DrawnPool> {
  const pools = await store.questionPools(db, assessment);
  const rows = await store.questionsByIds(db, [...new Set([...pools.values()].flat())]);
  return { pools, questions: new Map(rows.map((q) => [q.id, q])) };
}

export function drawnPool(database: Database, assessment: store.AssessmentRow): Promise<DrawnPool> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  const hit = cache.get(assessment.id);
  if (hit?.version === assessment.contentVersion) return hit.pool;
  const pool = load(database.db, assessment);
  const entry = { version: assessment.contentVersion, pool };
  cache.set(assessment.id, entry);
  pool.catch(() => {
    if (cache.get(assessment.id) === entry) cache.delete(assessment.id);
  });
  return pool;
}

/**
 * The rows of `ids` in their order: from the assessment's cached pool, and from the database for any the
 * pool no longer holds (drawn before a question was archived or moved).
 */
export async function questionsOf(
  database: Database,
  assessment: store.AssessmentRow,
  ids: readonly string[],
): Promise<store.QuestionRow[]> {
  const { questions } = await drawnPool(database, assessment);
  const missing = ids.filter((id) => !questions.has(id));
  const fetched = new Map((await store.questionsByIds(database.db, missing)).map((q) => [q.id, q]));
  return ids.map((id) => questions.get(id) ?? fetched.get(id)).filter((q): q is store.QuestionRow => q !== undefined);
}
