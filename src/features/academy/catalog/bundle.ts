import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { z } from "zod";
import {
  ExamFormat,
  ItemFormat,
  LessonFormat,
  LevelFormat,
  ModuleFormat,
  ProgramFormat,
  QuestionBankFormat,
} from "./content-format.js";
import {
  ContentError,
  type ContentProblem,
  checkBlueprints,
  checkCounts,
  checkExamPools,
  checkUniqueKeys,
  examIntegrity,
  type LoadedProgram,
  type LoadOptions,
} from "./content-loader.js";

/**
 * A whole program in one YAML file: what the admin export downloads and what `pulse content import
 * <file>` accepts beside the folder layout. Module banks and exam pools are inline (`bank`, `pool`) and
 * Markdown bodies are inline (`body`); videos and downloads stay paths under the content root's `media/`
 * and `downloads/` folders, which must sit beside the bundle file.
 */
export const BUNDLE_FORMAT = "pulse-academy-program/1";

const BundleItem = ItemFormat.superRefine((item, ctx) => {
  if ((item.kind === "reading" || item.kind === "scenario") && (item.bodyFile !== undefined || !item.body?.trim())) {
    ctx.addIssue({ code: "custom", path: ["body"], message: "a bundle holds the Markdown body inline" });
  }
});
const BundleModule = ModuleFormat.omit({ questionBank: true, lessons: true }).extend({
  lessons: z.array(LessonFormat.extend({ items: z.array(BundleItem).min(1) })).min(1),
  bank: QuestionBankFormat.default([]),
});
const BundleExam = ExamFormat.omit({ questionPool: true }).extend({ pool: QuestionBankFormat.default([]) });
const BundleLevel = LevelFormat.omit({ modules: true, exams: true }).extend({
  modules: z.array(BundleModule).default([]),
  exams: z.array(BundleExam).default([]),
});
export const BundleFormat = z.object({
  format: z.literal(BUNDLE_FORMAT),
  program: ProgramFormat.omit({ levels: true }).extend({ levels: z.array(BundleLevel).min(1) }),
});

/** Is this path a bundle file (rather than a content folder)? */
export const isBundleFile = (path: string) => /\.ya?ml$/.test(path) && basename(path) !== "program.yaml";

/** Reads and checks a bundle; assets are looked up under the bundle's folder (its content root). */
export function loadBundle(file: string, options: LoadOptions = {}): LoadedProgram {
  const problems: ContentProblem[] = [];
  const name = basename(file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError([
      { file: name, path: "", message: (error as Error).message.split("\n")[0] ?? "unreadable" },
    ]);
  }
  const parsed = BundleFormat.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(
      parsed.error.issues.map((i) => ({ file: name, path: i.path.join("."), message: i.message })),
    );
  }
  const program = parsed.data.program as LoadedProgram;
  const root = dirname(file);
  const asset = (path: string, folder: "media" | "downloads", target: string) => {
    if (!existsSync(join(root, folder, target)))
      problems.push({ file: name, path, message: `${folder}/${target} not found` });
  };
  program.levels.forEach((level, li) => {
    level.modules.forEach((mod, mi) => {
      const at = `program.levels.${li}.modules.${mi}`;
      for (const tool of mod.tools) asset(`${at}.tools.${tool.key}`, "downloads", tool.file);
      mod.lessons.forEach((lesson, lsi) => {
        lesson.items.forEach((item, ii) => {
          if (item.kind === "video") asset(`${at}.lessons.${lsi}.items.${ii}`, "media", item.src);
          if (item.kind === "workbook") asset(`${at}.lessons.${lsi}.items.${ii}`, "downloads", item.file);
        });
      });
      if (mod.test && mod.bank.length < mod.test.questionCount) {
        const message = `the bank has ${mod.bank.length} questions, fewer than the ${mod.test.questionCount} a test draws`;
        problems.push({ file: name, path: `${at}.test.questionCount`, message });
      }
      if (mod.counts) checkCounts(mod, name, problems);
    });
  });
  checkExamPools(program, name, problems);
  checkBlueprints(program, name, problems);
  checkUniqueKeys(program, name, problems);
  problems.push(...examIntegrity(program, name, options));
  if (problems.length > 0) throw new ContentError(problems);
  return program;
}

/** The bundle's YAML text for a program. */
export function bundleYaml(program: LoadedProgram): string {
  return stringify({ format: BUNDLE_FORMAT, program }, { lineWidth: 0 });
}

/** A stable fingerprint of a loaded program: the start-up import skips programs whose hash is unchanged. */
export function contentHash(program: LoadedProgram): string {
  return createHash("sha256").update(JSON.stringify(program)).digest("hex");
}
