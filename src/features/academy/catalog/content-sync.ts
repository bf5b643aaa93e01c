import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../../platform/context.js";
import type { Tx } from "../../../platform/db/database.js";
import { contentHash, isBundleFile, loadBundle } from "./bundle.js";
import { ContentError, type LoadedProgram, type LoadOptions, loadProgram, programFolders } from "./content-loader.js";
import { type ImportResult, importProgram } from "./importer.js";
import { programs } from "./schema.js";

export type ContentLog = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
};

/** What happened to one program at start-up. */
export type SyncOutcome =
  | { programKey: string; action: "imported"; result: ImportResult }
  | { programKey: string; action: "unchanged" }
  | { programKey: string; action: "kept_app_edits" }
  | { programKey: string | null; action: "invalid"; source: string; problems: ContentError["problems"] };

/**
 * Where programs live under a content path: program folders (holding program.yaml) and exported bundles
 * (`*.bundle.yaml`) directly in it; or the path itself when it is one program folder or one bundle file.
 */
export function programSources(path: string): string[] {
  if (isBundleFile(path)) return [resolve(path)];
  const folders = programFolders(path);
  if (existsSync(join(path, "program.yaml"))) return folders;
  const bundles = readdirSync(path)
    .filter((name) => name.endsWith(".bundle.yaml"))
    .map((name) => resolve(path, name));
  return [...folders, ...bundles].sort();
}

const loadSource = (source: string, options: LoadOptions = {}) =>
  isBundleFile(source) ? loadBundle(source, options) : loadProgram(source, options);

/**
 * The programs under a content path, every problem of every one reported together (exam-integrity ones
 * too, unless `options.onExamIntegrity` takes them).
 */
export function loadPrograms(path: string, options: LoadOptions = {}): LoadedProgram[] {
  const sources = programSources(path);
  if (sources.length === 0) throw new ContentError([{ file: path, path: "", message: "no program.yaml found" }]);
  const problems: ContentError["problems"] = [];
  const loaded: LoadedProgram[] = [];
  for (const source of sources) {
    try {
      loaded.push(loadSource(source, options));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  const seen = new Set<string>();
  for (const program of loaded) {
    if (seen.has(program.key)) {
      const message = `program "${program.key}" is there twice (a folder and a bundle?): keep one`;
      problems.push({ file: path, path: program.key, message });
    }
    seen.add(program.key);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return loaded;
}

/** Writes one program and remembers its hash and import time; says whether it overwrote app edits. */
export async function writeProgram(tx: Tx, program: LoadedProgram, now: Date, position: number) {
  const [before] = await tx
    .select({ importedAt: programs.importedAt, editedAt: programs.editedAt })
    .from(programs)
    .where(eq(programs.key, program.key));
  const result = await importProgram(tx, program, now, position);
  await tx
    .update(programs)
    .set({ contentHash: contentHash(program), importedAt: now })
    .where(eq(programs.id, result.programId));
  return { result, overwroteAppEdits: hasAppEdits(before) };
}

const hasAppEdits = (row: { importedAt: Date | null; editedAt: Date | null } | undefined) =>
  Boolean(row?.editedAt && (!row.importedAt || row.editedAt > row.importedAt));

/**
 * The start-up import (`npm start`): every program under each content folder, each in its own
 * transaction. A program whose files did not change since its last import is skipped (content hash); a
 * program edited in the app since its last import is kept as it is (an import would overwrite those edits:
 * export it first, then run `pulse content import`); a program that does not validate is reported and
 * skipped, so one broken folder does not stop the server or the other programs. Exam-integrity problems
 * are only warned about here.
 */
export async function syncContentAtStart(ctx: AppContext, dirs: string[], log: ContentLog): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  let position = 0;
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      log.warn({ dir }, "content folder not found; no academy content imported from it");
      continue;
    }
    const seen = new Set<string>();
    for (const folder of programSources(dir)) {
      const here = position++;
      let program: LoadedProgram;
      try {
        // Short or module-bank exam pools are warned about, not refused, so the courses stay served; `pulse
        // content check` and `pulse content import` refuse them.
        program = loadSource(folder, {
          onExamIntegrity: (problems) =>
            log.warn(
              { source: folder, problems: problems.length, first: problems.slice(0, 3) },
              "academy exam pools fail the exam-integrity rules (exam-only pools, five disjoint forms); imported anyway: run `pulse content check`",
            ),
        });
        if (seen.has(program.key)) {
          const message = `program "${program.key}" is there twice (a folder and a bundle?): keep one`;
          throw new ContentError([{ file: folder, path: program.key, message }]);
        }
        seen.add(program.key);
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        outcomes.push({ programKey: null, action: "invalid", source: folder, problems: error.problems });
        log.warn(
          { source: folder, problems: error.problems.length, first: error.problems.slice(0, 3) },
          "academy content does not validate; not imported (run `pulse content check` for every problem)",
        );
        continue;
      }
      outcomes.push(await syncOne(ctx, program, here, log));
    }
  }
  return outcomes;
}

async function syncOne(ctx: AppContext, program: LoadedProgram, position: number, log: ContentLog) {
  const hash = contentHash(program);
  const [row] = await ctx.database.db
    .select({
      hash: programs.contentHash,
      importedAt: programs.importedAt,
      editedAt: programs.editedAt,
      position: programs.position,
    })
    .from(programs)
    .where(eq(programs.key, program.key));
  if (row?.hash === hash && row.position === position) {
    log.info({ program: program.key }, "academy content unchanged");
    return { programKey: program.key, action: "unchanged" as const };
  }
  if (hasAppEdits(row)) {
    log.warn(
      { program: program.key },
      "academy program edited in the app since its last import: the changed files were NOT imported. Export the program (Admin > Academy), merge it into content/, then run `pulse content import`",
    );
    return { programKey: program.key, action: "kept_app_edits" as const };
  }
  const now = ctx.clock.now();
  const { result } = await ctx.database.db.transaction((tx) => writeProgram(tx, program, now, position));
  log.info({ program: program.key, ...result.counts, archived: result.archived }, "academy content imported");
  return { programKey: program.key, action: "imported" as const, result };
}
