import type { AppContext } from "../../../platform/context.js";
import { ContentError, type LoadedProgram, loadProgram, programFolders } from "./content-loader.js";
import { type ImportResult, importProgram } from "./importer.js";

export { ContentError } from "./content-loader.js";
export type { ImportResult } from "./importer.js";

/** Validates every program under `dir`; returns a line per program, throws ContentError listing problems. */
export function checkContent(dir: string): string[] {
  const folders = programFolders(dir);
  if (folders.length === 0) throw new ContentError([{ file: dir, path: "", message: "no program.yaml found" }]);
  const problems: ContentError["problems"] = [];
  const lines: string[] = [];
  for (const folder of folders) {
    try {
      lines.push(describe(loadProgram(folder)));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return lines;
}

function describe(p: LoadedProgram): string {
  const modules = p.levels.flatMap((l) => l.modules);
  const lessons = modules.flatMap((m) => m.lessons);
  const questions = modules.reduce((n, m) => n + m.bank.length, 0);
  return `${p.key}: ${p.levels.length} levels, ${modules.length} modules, ${lessons.length} lessons, ${questions} bank questions`;
}

/**
 * Loads every program under `dir` in one transaction: all or nothing. Idempotent and keyed by stable
 * keys, so re-importing an edited program updates it in place and archives what disappeared.
 */
export async function importContent(ctx: AppContext, dir: string): Promise<ImportResult[]> {
  const folders = programFolders(dir);
  if (folders.length === 0) throw new ContentError([{ file: dir, path: "", message: "no program.yaml found" }]);
  const loaded = folders.map((folder) => loadProgram(folder));
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const results: ImportResult[] = [];
    for (const [i, program] of loaded.entries()) results.push(await importProgram(tx, program, now, i));
    return results;
  });
}
