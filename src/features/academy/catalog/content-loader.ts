import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { examParts } from "../assessments/draw-questions.js";
import {
  type ExamFormat,
  type LevelFormat,
  ModuleFormat,
  ProgramFormat,
  QuestionBankFormat,
  type QuestionFormat,
} from "./content-format.js";
import { bankKeysOf, describePart, examIntegrityProblems, examPoolsOf } from "./exam-integrity.js";

/** A program read from disk: every Markdown file inlined, every bank loaded, every key checked. */
export type LoadedModule = Omit<ModuleFormat, "questionBank"> & { bank: QuestionFormat[] };
export type LoadedExam = Omit<ExamFormat, "questionPool"> & { pool: QuestionFormat[] };
export type LoadedLevel = Omit<LevelFormat, "modules" | "exams"> & { modules: LoadedModule[]; exams: LoadedExam[] };
export type LoadedProgram = Omit<ProgramFormat, "levels"> & { levels: LoadedLevel[] };

export type ContentProblem = { file: string; path: string; message: string };

/**
 * Exam-integrity problems (exam-only pools, five disjoint forms) fail loading unless `onExamIntegrity` is
 * given: the start-up import passes a logger, so a program with short pools is still served (and warned
 * about), while `pulse content check` and `pulse content import` refuse it.
 */
export type LoadOptions = { onExamIntegrity?: (problems: ContentProblem[]) => void };

/** The exam-integrity problems a load must report (none when the caller takes them as warnings). */
export function examIntegrity(program: LoadedProgram, file: string, options: LoadOptions): ContentProblem[] {
  const problems = examIntegrityProblems(program, file);
  if (!options.onExamIntegrity) return problems;
  if (problems.length > 0) options.onExamIntegrity(problems);
  return [];
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `content has ${problems.length} problem(s):\n${problems
        .slice(0, 50)
        .map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`)
        .join("\n")}`,
    );
    this.name = "ContentError";
  }
}

/** The program folders under a content root (each holds a program.yaml). */
export function programFolders(root: string): string[] {
  if (existsSync(join(root, "program.yaml"))) return [resolve(root)];
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, "program.yaml")))
    .sort()
    .map((dir) => resolve(dir));
}

/** Where videos and downloads live: `<content root>/media` and `<content root>/downloads`. */
export function contentRootOf(programDir: string): string {
  return dirname(programDir);
}

/** Reads and validates one program folder; throws ContentError listing every problem found. */
export function loadProgram(programDir: string, options: LoadOptions = {}): LoadedProgram {
  const problems: ContentProblem[] = [];
  const root = contentRootOf(programDir);
  const rel = (file: string) => relative(root, file);

  function read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push({ file: rel(file), path: "", message: (error as Error).message.split("\n")[0] ?? "unreadable" });
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file: rel(file), path: issue.path.join("."), message: issue.message });
      }
      return undefined;
    }
    return parsed.data;
  }

  function markdown(file: string, path: string, body?: string, bodyFile?: string): string | undefined {
    if (bodyFile === undefined) return body;
    const target = join(dirname(file), bodyFile);
    if (!existsSync(target)) {
      problems.push({ file: rel(file), path, message: `bodyFile ${bodyFile} not found` });
      return body;
    }
    return readFileSync(target, "utf8");
  }

  function asset(file: string, path: string, folder: "media" | "downloads", name: string) {
    if (!existsSync(join(root, folder, name))) {
      problems.push({ file: rel(file), path, message: `${folder}/${name} not found` });
    }
  }

  const programFile = join(programDir, "program.yaml");
  const program = read(programFile, ProgramFormat);
  if (!program) throw new ContentError(problems);

  const levels: LoadedLevel[] = program.levels.map((level, li) => {
    const modules = level.modules.flatMap((folder, mi): LoadedModule[] => {
      const moduleFile = join(programDir, folder, "module.yaml");
      if (!existsSync(moduleFile)) {
        problems.push({
          file: rel(programFile),
          path: `levels.${li}.modules.${mi}`,
          message: `${folder}/module.yaml not found`,
        });
        return [];
      }
      const mod = read(moduleFile, ModuleFormat);
      if (!mod) return [];
      const { questionBank, ...rest } = mod;
      const bank = questionBank ? (read(join(dirname(moduleFile), questionBank), QuestionBankFormat) ?? []) : [];
      for (const tool of mod.tools) asset(moduleFile, `tools.${tool.key}`, "downloads", tool.file);
      const lessons = mod.lessons.map((lesson, lsi) => ({
        ...lesson,
        items: lesson.items.map((item, ii) => {
          const path = `lessons.${lsi}.items.${ii}`;
          if (item.kind === "video") asset(moduleFile, path, "media", item.src);
          if (item.kind === "workbook") asset(moduleFile, path, "downloads", item.file);
          if (item.kind === "reading" || item.kind === "scenario") {
            const body = markdown(moduleFile, path, item.body, item.bodyFile);
            if (!body?.trim()) problems.push({ file: rel(moduleFile), path, message: "body or bodyFile is required" });
            return { ...item, body, bodyFile: undefined };
          }
          return item;
        }),
      }));
      if (mod.test && bank.length < mod.test.questionCount) {
        problems.push({
          file: rel(moduleFile),
          path: "test.questionCount",
          message: `the bank has ${bank.length} questions, fewer than the ${mod.test.questionCount} a test draws`,
        });
      }
      if (mod.counts) checkCounts(mod, rel(moduleFile), problems);
      return [{ ...rest, lessons, bank }];
    });
    const exams = level.exams.map((exam): LoadedExam => {
      const { questionPool, ...rest } = exam;
      const files = questionPool === undefined ? [] : typeof questionPool === "string" ? [questionPool] : questionPool;
      const pool = files.flatMap((path) => read(join(programDir, path), QuestionBankFormat) ?? []);
      return { ...rest, pool };
    });
    return { ...level, modules, exams };
  });

  const loaded: LoadedProgram = { ...program, levels };
  checkExamPools(loaded, rel(programFile), problems);
  checkBlueprints(loaded, rel(programFile), problems);
  checkUniqueKeys(loaded, rel(programFile), problems);
  problems.push(...examIntegrity(loaded, rel(programFile), options));
  if (problems.length > 0) throw new ContentError(problems);
  return loaded;
}

export function checkCounts(mod: Pick<ModuleFormat, "lessons" | "counts">, file: string, problems: ContentProblem[]) {
  const items = mod.lessons.flatMap((l) => l.items);
  const actual = {
    lessons: mod.lessons.length,
    workbooks: items.filter((i) => i.kind === "workbook").length,
    scenarios: items.filter((i) => i.kind === "scenario").length,
  };
  for (const [name, expected] of Object.entries(mod.counts ?? {})) {
    const found = actual[name as keyof typeof actual];
    if (found !== expected)
      problems.push({ file, path: `counts.${name}`, message: `says ${expected}, found ${found}` });
  }
}

/**
 * Exams draw from their own pool: an exam needs a pool (or, imported before pools had module tags, a
 * blueprint over the module banks, which `examIntegrityProblems` refuses). Module tags belong to exam pools
 * only, name a module of the program and, with a blueprint, one of its modules; a blueprint exam's pool
 * questions are all tagged.
 */
export function checkExamPools(program: LoadedProgram, file: string, problems: ContentProblem[]) {
  const moduleKeys = new Set(program.levels.flatMap((l) => l.modules.map((m) => m.key)));
  program.levels.forEach((level, li) => {
    for (const mod of level.modules) {
      const checks = mod.lessons.flatMap((l) =>
        l.items.flatMap((i) => (i.kind === "knowledge_check" ? i.questions : [])),
      );
      for (const q of [...mod.bank, ...checks]) {
        if (q.module !== undefined)
          problems.push({ file, path: q.key, message: "a module tag belongs to exam pool questions only" });
      }
    }
    level.exams.forEach((exam, ei) => {
      const at = `levels.${li}.exams.${ei}`;
      if (!exam.blueprint && exam.pool.length === 0) {
        problems.push({ file, path: at, message: "needs a questionPool (with a blueprint, tagged by module)" });
      }
      for (const q of exam.pool) {
        if (q.module === undefined) {
          if (exam.blueprint)
            problems.push({
              file,
              path: `${at}.questionPool.${q.key}`,
              message: "needs a module tag: the blueprint draws by module",
            });
        } else if (!moduleKeys.has(q.module)) {
          problems.push({
            file,
            path: `${at}.questionPool.${q.key}`,
            message: `module "${q.module}" is not a module of the program`,
          });
        } else if (exam.blueprint && !(q.module in exam.blueprint)) {
          problems.push({
            file,
            path: `${at}.questionPool.${q.key}`,
            message: `module "${q.module}" is not in the exam's blueprint`,
          });
        }
      }
    });
  });
}

/** Each draw part holds at least one attempt's questions, and a blueprint adds up to the question count. */
export function checkBlueprints(program: LoadedProgram, file: string, problems: ContentProblem[]) {
  const banks = bankKeysOf(program);
  program.levels.forEach((level, li) => {
    level.exams.forEach((exam, ei) => {
      const at = `levels.${li}.exams.${ei}`;
      const pools = examPoolsOf(exam, banks);
      for (const part of examParts(exam.questionCount, exam.blueprint)) {
        const path = part.source === "pool" ? `${at}.questionPool` : `${at}.blueprint.${part.source}`;
        const size = pools.get(part.source)?.length ?? 0;
        if (part.source !== "pool" && !banks.has(part.source)) problems.push({ file, path, message: "no such module" });
        else if (size < part.count)
          problems.push({ file, path, message: `${describePart(exam, part.source)} has ${size} < ${part.count}` });
      }
      const total = Object.values(exam.blueprint ?? {}).reduce((n, c) => n + c, 0);
      if (exam.blueprint && total !== exam.questionCount) {
        problems.push({ file, path: `${at}.blueprint`, message: `adds up to ${total}, not ${exam.questionCount}` });
      }
    });
  });
}

export function checkUniqueKeys(program: LoadedProgram, file: string, problems: ContentProblem[]) {
  const seen = new Set<string>();
  const add = (key: string) => {
    if (seen.has(key)) problems.push({ file, path: key, message: `key "${key}" is used twice` });
    seen.add(key);
  };
  add(program.key);
  for (const level of program.levels) {
    add(level.key);
    for (const exam of level.exams) {
      add(exam.key);
      for (const q of exam.pool) add(q.key);
    }
    for (const mod of level.modules) {
      add(mod.key);
      if (mod.test) add(mod.test.key);
      for (const tool of mod.tools) add(tool.key);
      for (const q of mod.bank) add(q.key);
      for (const lesson of mod.lessons) {
        add(lesson.key);
        for (const item of lesson.items) {
          add(item.key);
          if (item.kind === "knowledge_check") for (const q of item.questions) add(q.key);
        }
      }
    }
  }
}
