import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadPrograms } from "./content-sync.js";
import { ContentError, checkContent } from "./service.js";

const FIXTURES = new URL("./fixtures", import.meta.url).pathname;

/** `pulse content check` on a copy of the mini fixture, edited per test. */
describe("content check: exam-only pools with five disjoint forms", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pulse-exam-check-"));
    cpSync(FIXTURES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (doc: unknown) => unknown) => {
    const path = join(dir, "mini", file);
    writeFileSync(path, stringify(change(parse(readFileSync(path, "utf8")))));
  };
  const problems = () => {
    try {
      checkContent(dir);
    } catch (error) {
      if (error instanceof ContentError) return error.problems;
      throw error;
    }
    return [];
  };
  type Exam = Record<string, unknown>;
  const examsOf = (doc: unknown) => (doc as { levels: { exams?: Exam[] }[] }).levels[1]?.exams as Exam[];

  it("passes the mini fixture: Exam A 2 + 2 from 10 + 10 tagged questions, Exam B 2 from 10", () => {
    expect(checkContent(dir)).toEqual([
      "mini: 2 levels, 2 modules, 4 lessons, 12 bank questions, 30 exam-only questions",
    ]);
  });

  it("fails when a blueprint module's tagged questions hold fewer than five forms, naming file, path and reason", () => {
    edit("exam-a-pool/m2.yaml", (pool) => (pool as unknown[]).slice(0, 9));
    expect(problems()).toEqual([
      {
        file: "mini/program.yaml",
        path: "levels.1.exams.0.questionPool.mini.m2",
        message: "mini.exam-a: the pool's questions of module mini.m2 holds 9 questions; 5 disjoint forms of 2 need 10",
      },
    ]);
  });

  it("fails when a pool without blueprint holds fewer than five forms of the question count", () => {
    edit("exam-b-pool.yaml", (pool) => (pool as unknown[]).slice(0, 8));
    expect(problems()).toEqual([
      {
        file: "mini/program.yaml",
        path: "levels.1.exams.1.questionPool",
        message: "mini.exam-b: the pool holds 8 questions; 5 disjoint forms of 2 need 10",
      },
    ]);
  });

  it("fails an exam whose blueprint draws from the module banks (their questions are reviewed with keys)", () => {
    edit("program.yaml", (doc) => {
      delete examsOf(doc)[0]?.questionPool;
      return doc;
    });
    expect(problems()).toEqual([
      expect.objectContaining({
        path: "levels.1.exams.0.questionPool",
        message: expect.stringContaining("draws from module banks"),
      }),
    ]);
    // The start-up import takes it as a warning, so the courses stay served.
    const warned: unknown[] = [];
    expect(loadPrograms(dir, { onExamIntegrity: (p) => warned.push(...p) })).toHaveLength(1);
    expect(warned).toHaveLength(1);
  });

  it("wants module tags on a blueprint exam's questions, naming modules of the program in its blueprint, and only there", () => {
    edit("exam-a-pool/m1.yaml", (pool) => {
      const [first, second, ...rest] = pool as Record<string, unknown>[];
      delete first?.module;
      if (second) second.module = "mini.m9";
      return [first, second, ...rest];
    });
    edit("m1/questions.yaml", (bank) => {
      (bank as Record<string, unknown>[])[0] = { ...(bank as Record<string, unknown>[])[0], module: "mini.m1" };
      return bank;
    });
    expect(problems()).toEqual(
      expect.arrayContaining([
        {
          file: "mini/program.yaml",
          path: "mini.m1.bank.q1",
          message: "a module tag belongs to exam pool questions only",
        },
        {
          file: "mini/program.yaml",
          path: "levels.1.exams.0.questionPool.mini.exam-a.m1.q01",
          message: "needs a module tag: the blueprint draws by module",
        },
        {
          file: "mini/program.yaml",
          path: "levels.1.exams.0.questionPool.mini.exam-a.m1.q02",
          message: 'module "mini.m9" is not a module of the program',
        },
      ]),
    );
  });
});
