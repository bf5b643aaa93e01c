import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildUser } from "../../../../test-support/factories.js";
import { buildTestApp, type TestApp } from "../../../../test-support/test-app.js";
import { TEST_ENGINES } from "../../../../test-support/test-db.js";
import { ensurePlatformAdmin, openSession } from "../../accounts/identity/service.js";
import { attempts } from "../assessments/schema.js";
import { progress } from "../learning/schema.js";
import type { AdminModuleDetail, AdminProgram, AdminQuestion } from "./contract.js";
import { exportProgram } from "./export.js";
import { items, programs, questions } from "./schema.js";
import { type ContentError, importContent, syncContentAtStart } from "./service.js";

const FIXTURES = new URL("./fixtures", import.meta.url).pathname;
const quiet = { info: () => {}, warn: () => {} };

describe.each(TEST_ENGINES)("academy admin editing and export on %s", (engine) => {
  let t: TestApp;
  let staff: string;
  let dir: string;
  let program: AdminProgram;

  const call = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: staff }, payload: payload as never });

  beforeAll(async () => {
    t = await buildTestApp({ engine });
    dir = mkdtempSync(join(tmpdir(), "pulse-admin-"));
    cpSync(FIXTURES, dir, { recursive: true });
    const outcomes = await syncContentAtStart(t.ctx, [dir], quiet);
    expect(outcomes.map((o) => o.action)).toEqual(["imported"]);
    const admin = await buildUser(t.ctx);
    await ensurePlatformAdmin(t.ctx, { email: admin.email, password: "staff-password-1" });
    staff = `pulse_session=${(await openSession(t.ctx, admin.userId, { ip: null, userAgent: null })).token}`;
    program = ((await call("GET", "/api/admin/academy/programs")).json().programs as AdminProgram[])[0] as AdminProgram;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("skips an unchanged program at start, and imports it again when its files change", async () => {
    expect((await syncContentAtStart(t.ctx, [dir], quiet)).map((o) => o.action)).toEqual(["unchanged"]);
    const file = join(dir, "mini", "program.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("summary: A small program for tests.", "summary: Changed on disk."));
    try {
      expect((await syncContentAtStart(t.ctx, [dir], quiet)).map((o) => o.action)).toEqual(["imported"]);
      const [row] = await t.ctx.database.db.select().from(programs).where(eq(programs.key, "mini"));
      expect(row?.summary).toBe("Changed on disk.");
    } finally {
      writeFileSync(file, original);
      await syncContentAtStart(t.ctx, [dir], quiet);
    }
  });

  it("reports a program that does not validate and keeps going", async () => {
    const broken = mkdtempSync(join(tmpdir(), "pulse-broken-"));
    try {
      cpSync(FIXTURES, broken, { recursive: true });
      writeFileSync(join(broken, "mini", "program.yaml"), "key: mini\ntitle: ''\n");
      const [outcome] = await syncContentAtStart(t.ctx, [broken, join(tmpdir(), "no-such-content")], quiet);
      expect(outcome?.action).toBe("invalid");
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("edits titles, a lesson and a reading's Markdown, and refuses a body on a video", async () => {
    const module = program.levels[0]?.modules[0];
    expect(
      (await call("PATCH", `/api/admin/academy/programs/${program.id}`, { title: "Mini, edited" })).statusCode,
    ).toBe(204);
    expect(
      (await call("PATCH", `/api/admin/academy/modules/${module?.id}`, { summary: "New summary." })).statusCode,
    ).toBe(204);
    const detail = (await call("GET", `/api/admin/academy/modules/${module?.id}`)).json() as AdminModuleDetail;
    const lesson = detail.lessons[1];
    const reading = lesson?.items.find((i) => i.kind === "reading");
    const video = detail.lessons[0]?.items.find((i) => i.kind === "video");
    const stamp = async () =>
      (await t.ctx.database.db.select().from(programs).where(eq(programs.key, "mini")))[0]?.editedAt?.getTime() ?? 0;
    const before = await stamp();
    await new Promise((r) => setTimeout(r, 5));
    expect(
      (await call("PATCH", `/api/admin/academy/lessons/${lesson?.id}`, { title: "Reading, edited" })).statusCode,
    ).toBe(204);
    // Editing a lesson marks its program as edited in the app.
    expect(await stamp()).toBeGreaterThan(before);
    const body = "# Edited\n\nA **new** reading.";
    expect((await call("PATCH", `/api/admin/academy/items/${reading?.id}`, { body })).statusCode).toBe(204);
    const refused = await call("PATCH", `/api/admin/academy/items/${video?.id}`, { body: "no" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ body: "a video has no Markdown body" });
    const empty = await call("PATCH", `/api/admin/academy/lessons/${lesson?.id}`, { title: "" });
    expect(empty.statusCode).toBe(400);

    const after = (await call("GET", `/api/admin/academy/modules/${module?.id}`)).json() as AdminModuleDetail;
    expect(after.summary).toBe("New summary.");
    expect(after.lessons[1]?.title).toBe("Reading, edited");
    expect(after.lessons[1]?.items.find((i) => i.kind === "reading")?.body).toBe(body);
    const [edited] = (await call("GET", "/api/admin/academy/programs")).json().programs as AdminProgram[];
    expect(edited?.title).toBe("Mini, edited");
    expect(Date.parse(edited?.editedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(edited?.importedAt ?? ""));
  });

  it("edits any item's title with field-level errors; start-up keeps the edit and the export carries it", async () => {
    const module = program.levels[0]?.modules[0];
    const detail = (await call("GET", `/api/admin/academy/modules/${module?.id}`)).json() as AdminModuleDetail;
    const all = detail.lessons.flatMap((l) => l.items);
    expect(all.map((i) => i.kind)).toEqual(["video", "knowledge_check", "reading", "workbook", "scenario"]);
    const titled = {
      video: "Welcome clip",
      knowledge_check: "Quick check",
      reading: "Reading, retitled",
      workbook: "Account plan workbook",
      scenario: "The renewal at risk",
    } as Record<string, string>;
    const stamp = async () =>
      (await t.ctx.database.db.select().from(programs).where(eq(programs.key, "mini")))[0]?.editedAt?.getTime() ?? 0;
    for (const item of all) {
      const before = await stamp();
      await new Promise((r) => setTimeout(r, 5));
      const res = await call("PATCH", `/api/admin/academy/items/${item.id}`, { title: `  ${titled[item.kind]}  ` });
      expect(res.statusCode, res.body).toBe(204);
      // Each title edit marks the program as edited in the app.
      expect(await stamp()).toBeGreaterThan(before);
    }
    const video = all[0];
    const refused = async (payload: unknown, fields: Record<string, string>) => {
      const res = await call("PATCH", `/api/admin/academy/items/${video?.id}`, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual(fields);
    };
    await refused({ title: "" }, { title: "is required" });
    await refused({ title: "   " }, { title: "is required" });
    await refused({ title: "x".repeat(201) }, { title: "is at most 200 characters" });
    await refused({ title: 42 }, { title: expect.any(String) });
    const missing = await call("PATCH", "/api/admin/academy/items/00000000-0000-4000-8000-000000000000", {
      title: "X",
    });
    expect(missing.statusCode).toBe(404);
    const learner = await buildUser(t.ctx);
    const denied = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/academy/items/${video?.id}`,
      headers: { cookie: learner.cookie },
      payload: { title: "Hijacked" },
    });
    expect(denied.statusCode).toBe(403);

    const after = (await call("GET", `/api/admin/academy/modules/${module?.id}`)).json() as AdminModuleDetail;
    expect(after.lessons.flatMap((l) => l.items).map((i) => [i.kind, i.title])).toEqual(
      all.map((i) => [i.kind, titled[i.kind]]),
    );

    // The files change on disk: start-up does not import them over the app's edits.
    const file = join(dir, "mini", "m1", "module.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("title: Intro video", "title: Intro video, changed on disk"));
    try {
      expect((await syncContentAtStart(t.ctx, [dir], quiet)).map((o) => o.action)).toEqual(["kept_app_edits"]);
      const kept = (await call("GET", `/api/admin/academy/modules/${module?.id}`)).json() as AdminModuleDetail;
      expect(kept.lessons[0]?.items[0]?.title).toBe("Welcome clip");
    } finally {
      writeFileSync(file, original);
    }

    const exported = (await exportProgram(t.ctx.database.db, program.id)).levels[0]?.modules[0];
    const exportedItems = exported?.lessons.flatMap((l) => l.items) ?? [];
    expect(exportedItems.map((i) => [i.key, i.title])).toEqual(all.map((i) => [i.key, titled[i.kind]]));
    const yaml = (await call("GET", `/api/admin/academy/programs/${program.id}/export.yaml`)).body;
    expect(yaml).toContain("title: Welcome clip");
    expect(yaml).toContain("title: Account plan workbook");
  });

  it("adds, edits and archives bank questions, keeping enough for the test", async () => {
    const module = program.levels[0]?.modules[0];
    const url = `/api/admin/academy/modules/${module?.id}/questions`;
    const bad = await call("POST", url, {
      prompt: "Q?",
      choices: [
        { key: "a", text: "A" },
        { key: "b", text: "B" },
      ],
      correct: ["c"],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('no choice \\"c\\"');
    const added = await call("POST", url, {
      prompt: "Which is right?",
      choices: [
        { key: "a", text: "This" },
        { key: "b", text: "That" },
      ],
      correct: ["b"],
      explanation: "That one.",
    });
    expect(added.statusCode).toBe(201);
    const question = added.json() as AdminQuestion;
    expect(question.key).toMatch(/^mini\.m1\.app-[0-9a-f]{8}$/);
    const changed = await call("PUT", `/api/admin/academy/questions/${question.id}`, {
      prompt: "Which is right, really?",
      choices: question.choices,
      correct: ["a"],
    });
    expect(changed.json()).toEqual(expect.objectContaining({ prompt: "Which is right, really?", correct: ["a"] }));

    const bank = (await call("GET", url)).json();
    expect(bank.testQuestionCount).toBe(3);
    const live = (bank.questions as AdminQuestion[]).filter((q) => !q.archived);
    // The fixture bank holds 6 + 1 added; archive down to the test's 3, then one more is refused.
    for (const q of live.slice(0, live.length - 3)) {
      expect((await call("POST", `/api/admin/academy/questions/${q.id}/archive`)).statusCode).toBe(200);
    }
    const refused = await call("POST", `/api/admin/academy/questions/${live.at(-1)?.id}/archive`);
    expect(refused.statusCode).toBe(422);
    const back = await call("POST", `/api/admin/academy/questions/${live[0]?.id}/unarchive`);
    expect(back.json().archived).toBe(false);
  });

  it("exports a bundle that imports into a fresh database as the same structure", async () => {
    const download = await call("GET", `/api/admin/academy/programs/${program.id}/export.yaml`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toBe('attachment; filename="mini.bundle.yaml"');
    const text = download.body;
    expect(parse(text).format).toBe("pulse-academy-program/1");
    // Media and downloads stay files: the bundle sits in a content root that has them.
    const root = mkdtempSync(join(tmpdir(), "pulse-bundle-"));
    const fresh = await buildTestApp({ engine });
    try {
      cpSync(join(FIXTURES, "media"), join(root, "media"), { recursive: true });
      cpSync(join(FIXTURES, "downloads"), join(root, "downloads"), { recursive: true });
      const file = join(root, "mini.bundle.yaml");
      writeFileSync(file, text);
      // `pulse content import <content root>` finds *.bundle.yaml beside program folders.
      const [result] = await importContent(fresh.ctx, root);
      expect((await importContent(fresh.ctx, file))[0]?.programId).toBe(result?.programId);
      const original = await exportProgram(t.ctx.database.db, program.id);
      const copy = await exportProgram(fresh.ctx.database.db, result?.programId as string);
      expect(copy).toEqual(original);
      expect(copy.title).toBe("Mini, edited");
      expect(copy.levels[0]?.modules[0]?.bank.some((q) => q.prompt === "Which is right, really?")).toBe(true);
      // The same program as a folder and as a bundle: refused, naming it.
      cpSync(join(FIXTURES, "mini"), join(root, "mini"), { recursive: true });
      const twice = await importContent(fresh.ctx, root).catch((e: ContentError) => e);
      expect((twice as ContentError).problems).toContainEqual(expect.objectContaining({ path: "mini" }));
    } finally {
      await fresh.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("keeps app edits at start-up; an explicit import overwrites them and keeps every learner's progress", async () => {
    const file = join(dir, "mini", "program.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("summary: A small program for tests.", "summary: Edited on disk too."));
    try {
      const [outcome] = await syncContentAtStart(t.ctx, [dir], quiet);
      expect(outcome?.action).toBe("kept_app_edits");

      const db = t.ctx.database.db;
      const learner = await buildUser(t.ctx);
      const module = program.levels[0]?.modules[0];
      const at = new Date("2026-11-20T09:00:00Z");
      await db.insert(progress).values({
        userId: learner.userId,
        objectType: "module",
        objectId: module?.id as string,
        percent: 40,
        lastActivityAt: at,
      });
      const [bankQuestion] = await db
        .select()
        .from(questions)
        .where(eq(questions.moduleId, module?.id as string));
      // The module test's id, for an attempt row as the assessments area writes it.
      const found = await db.execute(sql`select id from academy_assessments where key = 'mini.m1.test'`);
      const [test] = (found as unknown as { rows: { id: string }[] }).rows;
      await db.insert(attempts).values({
        assessmentId: test?.id as string,
        userId: learner.userId,
        number: 1,
        questionIds: [bankQuestion?.id as string],
        startedAt: at,
        submittedAt: at,
        scorePercent: 67,
        passed: true,
      });

      const [result] = await importContent(t.ctx, dir);
      expect(result?.overwroteAppEdits).toBe(true);
      const [row] = await db.select().from(programs).where(eq(programs.key, "mini"));
      expect(row?.title).toBe("Mini Program");
      expect(row?.summary).toBe("Edited on disk too.");
      const [video] = await db.select().from(items).where(eq(items.key, "mini.m1.l1.video"));
      expect(video?.title).toBe("Intro video");
      // Questions added in the app are not in the files: archived, not deleted.
      const appQuestions = (await db.select().from(questions)).filter((q) => q.key.includes(".app-"));
      expect(appQuestions.length).toBe(1);
      expect(appQuestions.every((q) => q.archivedAt !== null)).toBe(true);
      // Progress and attempts survive, pointing at the same module and test.
      const kept = await db.select().from(progress).where(eq(progress.userId, learner.userId));
      expect(kept).toEqual([expect.objectContaining({ objectId: module?.id, percent: 40 })]);
      const keptAttempts = await db.select().from(attempts).where(eq(attempts.userId, learner.userId));
      expect(keptAttempts).toHaveLength(1);
      expect((await syncContentAtStart(t.ctx, [dir], quiet))[0]?.action).toBe("unchanged");
    } finally {
      writeFileSync(file, original);
    }
  });
});
