import { eq } from "drizzle-orm";
import { notFound } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import { bundleYaml } from "./bundle.js";
import type { LoadedProgram } from "./content-loader.js";
import { loadPrograms, writeProgram } from "./content-sync.js";
import { exportProgram } from "./export.js";
import type { ImportResult } from "./importer.js";
import { programs } from "./schema.js";

export { ContentError } from "./content-loader.js";
export { type ContentLog, type SyncOutcome, syncContentAtStart } from "./content-sync.js";
export type { ImportResult } from "./importer.js";
export { ensurePlan } from "./memberships.js";

/** Validates every program under `path` (a content folder or a bundle file); a line per program. */
export function checkContent(path: string): string[] {
  return loadPrograms(path).map(describe);
}

function describe(p: LoadedProgram): string {
  const modules = p.levels.flatMap((l) => l.modules);
  const lessons = modules.flatMap((m) => m.lessons);
  const questions = modules.reduce((n, m) => n + m.bank.length, 0);
  const examQuestions = p.levels.flatMap((l) => l.exams).reduce((n, e) => n + e.pool.length, 0);
  return `${p.key}: ${p.levels.length} levels, ${modules.length} modules, ${lessons.length} lessons, ${questions} bank questions, ${examQuestions} exam-only questions`;
}

/**
 * Loads every program under `path` (a content folder, or one exported bundle file) in one transaction:
 * all or nothing. Idempotent and keyed by stable keys, so re-importing an edited program updates it in
 * place and archives what disappeared. An explicit import overwrites edits made in the app since the
 * last import (`overwroteAppEdits` says so): export first to keep them.
 */
export async function importContent(
  ctx: AppContext,
  path: string,
): Promise<(ImportResult & { overwroteAppEdits: boolean })[]> {
  const loaded = loadPrograms(path);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const results: (ImportResult & { overwroteAppEdits: boolean })[] = [];
    for (const [i, program] of loaded.entries()) {
      const { result, overwroteAppEdits } = await writeProgram(tx, program, now, i);
      results.push({ ...result, overwroteAppEdits });
    }
    return results;
  });
}

/** A program (by key) as a bundle's YAML text, as the admin export downloads it. */
export async function exportProgramBundle(ctx: AppContext, programKey: string): Promise<string> {
  const [row] = await ctx.database.db.select({ id: programs.id }).from(programs).where(eq(programs.key, programKey));
  if (!row) throw notFound("Program");
  return bundleYaml(await exportProgram(ctx.database.db, row.id));
}
