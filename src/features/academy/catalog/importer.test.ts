import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { items, lessons, modules, questions } from "./schema.js";
import { ContentError, importContent } from "./service.js";

const FIXTURES = new URL("./fixtures", import.meta.url).pathname;

describe.each(TEST_ENGINES)("content import on %s", (engine) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await buildTestApp({ engine });
    dir = mkdtempSync(join(tmpdir(), "pulse-content-"));
    cpSync(FIXTURES, dir, { recursive: true });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads a program, and a second import changes nothing", async () => {
    const [first] = await importContent(t.ctx, dir);
    expect(first?.counts).toEqual({ levels: 2, modules: 2, lessons: 4, items: 10, assessments: 4, questions: 46 });
    expect(first?.archived).toBe(0);
    const again = await importContent(t.ctx, dir);
    expect(again[0]?.programId).toBe(first?.programId);
    expect(again[0]?.archived).toBe(0);
  });

  it("updates an edited program in place and archives what disappeared, keeping ids", async () => {
    const db = t.ctx.database.db;
    const [before] = await db.select().from(lessons).where(eq(lessons.key, "mini.m1.l1"));
    const moduleFile = join(dir, "mini", "m1", "module.yaml");
    const original = readFileSync(moduleFile, "utf8");
    // Rename lesson 1.1 and drop lesson 1.2 (with its three items).
    const module = parse(original);
    module.lessons[0].title = "Lesson 1.1 renamed";
    module.lessons = module.lessons.slice(0, 1);
    module.counts = { lessons: 1, workbooks: 0, scenarios: 0 };
    writeFileSync(moduleFile, stringify(module));
    const [result] = await importContent(t.ctx, dir);
    expect(result?.archived).toBe(4);
    const [after] = await db.select().from(lessons).where(eq(lessons.key, "mini.m1.l1"));
    expect(after?.id).toBe(before?.id);
    expect(after?.title).toBe("Lesson 1.1 renamed");
    const [gone] = await db.select().from(lessons).where(eq(lessons.key, "mini.m1.l2"));
    expect(gone?.archivedAt).not.toBeNull();
    const archivedItems = await db
      .select()
      .from(items)
      .where(eq(items.lessonId, gone?.id as string));
    expect(archivedItems.every((i) => i.archivedAt !== null)).toBe(true);

    // Putting it back brings the same rows back to life.
    writeFileSync(moduleFile, original);
    const [restored] = await importContent(t.ctx, dir);
    expect(restored?.archived).toBe(0);
    const [back] = await db.select().from(lessons).where(eq(lessons.key, "mini.m1.l2"));
    expect(back?.id).toBe(gone?.id);
    expect(back?.archivedAt).toBeNull();
  });

  it("refuses invalid content, naming file, path and reason, and changes nothing", async () => {
    const moduleFile = join(dir, "mini", "m2", "module.yaml");
    const original = readFileSync(moduleFile, "utf8");
    writeFileSync(
      moduleFile,
      original.replace("title: Module 2\n", "title: ''\n").replace("questionCount: 3", "questionCount: 30"),
    );
    try {
      const error = await importContent(t.ctx, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      const problems = (error as ContentError).problems;
      expect(problems).toContainEqual(expect.objectContaining({ file: "mini/m2/module.yaml", path: "title" }));
      const [m2] = await t.ctx.database.db.select().from(modules).where(eq(modules.key, "mini.m2"));
      expect(m2?.title).toBe("Module 2");
    } finally {
      writeFileSync(moduleFile, original);
    }
  });

  it("keeps knowledge-check, bank and exam-pool questions apart", async () => {
    const rows = await t.ctx.database.db.select().from(questions);
    expect(rows.filter((q) => q.itemId).length).toBe(4);
    expect(rows.filter((q) => q.moduleId).length).toBe(12);
    expect(rows.filter((q) => q.assessmentId).length).toBe(30);
    // Exam A's pool questions name the module they count for, without joining that module's bank.
    const [m1] = await t.ctx.database.db.select().from(modules).where(eq(modules.key, "mini.m1"));
    const tagged = rows.filter((q) => q.examModuleId === m1?.id);
    expect(tagged.map((q) => q.key).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `mini.exam-a.m1.q${String(i + 1).padStart(2, "0")}`),
    );
    expect(tagged.every((q) => q.assessmentId && !q.moduleId && !q.itemId)).toBe(true);
  });
});
