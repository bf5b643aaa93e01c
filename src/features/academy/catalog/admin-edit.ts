import { randomBytes } from "node:crypto";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { AppError, notFound } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/database.js";
import type { AdminModuleDetail, AdminProgram, AdminQuestion, QuestionInput, TitleSummaryBody } from "./contract.js";
import { assessments, items, lessons, levels, modules, programs, questions } from "./schema.js";

/**
 * Editing the catalog in the app (platform admins). Every edit stamps the program's `edited_at`: the
 * start-up import then leaves the program alone until someone exports it and runs `pulse content import`
 * (which overwrites app edits with the files). Questions added here get keys `<module>.app-<random>`.
 */

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listAdminPrograms(ctx: AppContext): Promise<AdminProgram[]> {
  const db = ctx.database.db;
  const programRows = await db
    .select()
    .from(programs)
    .where(isNull(programs.archivedAt))
    .orderBy(asc(programs.position));
  const levelRows = await db.select().from(levels).where(isNull(levels.archivedAt)).orderBy(asc(levels.position));
  const moduleRows = await db.select().from(modules).where(isNull(modules.archivedAt)).orderBy(asc(modules.position));
  return programRows.map((p) => ({
    id: p.id,
    key: p.key,
    title: p.title,
    summary: p.summary,
    importedAt: iso(p.importedAt),
    editedAt: iso(p.editedAt),
    levels: levelRows
      .filter((l) => l.programId === p.id)
      .map((l) => ({
        id: l.id,
        key: l.key,
        number: l.number,
        title: l.title,
        summary: l.summary,
        modules: moduleRows
          .filter((m) => m.levelId === l.id)
          .map((m) => ({ id: m.id, key: m.key, number: m.number, title: m.title, summary: m.summary })),
      })),
  }));
}

async function touchProgram(db: Db, programId: string, now: Date) {
  await db.update(programs).set({ editedAt: now }).where(eq(programs.id, programId));
}

const changes = (body: TitleSummaryBody) => ({
  ...(body.title !== undefined ? { title: body.title } : {}),
  ...(body.summary !== undefined ? { summary: body.summary } : {}),
});

export async function editProgram(ctx: AppContext, programId: string, body: TitleSummaryBody) {
  const now = ctx.clock.now();
  const [row] = await ctx.database.db
    .update(programs)
    .set({ ...changes(body), editedAt: now, updatedAt: now })
    .where(eq(programs.id, programId))
    .returning({ id: programs.id });
  if (!row) throw notFound("Program");
}

export async function editLevel(ctx: AppContext, levelId: string, body: TitleSummaryBody) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(levels)
      .set({ ...changes(body), updatedAt: now })
      .where(eq(levels.id, levelId))
      .returning({ programId: levels.programId });
    if (!row) throw notFound("Level");
    await touchProgram(tx, row.programId, now);
  });
}

export async function editModule(ctx: AppContext, moduleId: string, body: TitleSummaryBody) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(modules)
      .set({ ...changes(body), updatedAt: now })
      .where(eq(modules.id, moduleId))
      .returning({ programId: modules.programId });
    if (!row) throw notFound("Module");
    await touchProgram(tx, row.programId, now);
  });
}

export async function adminModule(ctx: AppContext, moduleId: string): Promise<AdminModuleDetail> {
  const db = ctx.database.db;
  const [row] = await db
    .select({ module: modules, programTitle: programs.title })
    .from(modules)
    .innerJoin(programs, eq(programs.id, modules.programId))
    .where(eq(modules.id, moduleId));
  if (!row) throw notFound("Module");
  const lessonRows = await db
    .select()
    .from(lessons)
    .where(and(eq(lessons.moduleId, moduleId), isNull(lessons.archivedAt)))
    .orderBy(asc(lessons.position));
  const itemRows = await db
    .select({ item: items })
    .from(items)
    .innerJoin(lessons, eq(lessons.id, items.lessonId))
    .where(and(eq(lessons.moduleId, moduleId), isNull(items.archivedAt)))
    .orderBy(asc(items.position));
  const m = row.module;
  return {
    id: m.id,
    key: m.key,
    number: m.number,
    title: m.title,
    summary: m.summary,
    programId: m.programId,
    programTitle: row.programTitle,
    lessons: lessonRows.map((l) => ({
      id: l.id,
      key: l.key,
      number: l.number,
      title: l.title,
      description: l.description,
      items: itemRows
        .filter(({ item }) => item.lessonId === l.id)
        .map(({ item }) => ({
          id: item.id,
          key: item.key,
          kind: item.kind,
          title: item.title,
          body: item.kind === "reading" || item.kind === "scenario" ? item.body : null,
        })),
    })),
  };
}

const programOfLesson = (lessonId: string) =>
  sql<string>`(select m.program_id from academy_modules m join academy_lessons l on l.module_id = m.id where l.id = ${lessonId})`;

export async function editLesson(
  ctx: AppContext,
  lessonId: string,
  body: { title?: string; description?: string },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(lessons)
      .set({ ...body, updatedAt: now })
      .where(eq(lessons.id, lessonId))
      .returning({ id: lessons.id });
    if (!row) throw notFound("Lesson");
    await tx
      .update(programs)
      .set({ editedAt: now })
      .where(eq(programs.id, programOfLesson(lessonId)));
  });
}

/** A reading's or scenario's Markdown body, or any item's title. */
export async function editItem(ctx: AppContext, itemId: string, body: { title?: string; body?: string }) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [item] = await tx.select().from(items).where(eq(items.id, itemId));
    if (!item) throw notFound("Item");
    if (body.body !== undefined && item.kind !== "reading" && item.kind !== "scenario") {
      throw new AppError("invalid_input", "Only readings and scenarios have a Markdown body.", {
        fields: { body: `a ${item.kind} has no Markdown body` },
      });
    }
    await tx
      .update(items)
      .set({ ...body, updatedAt: now })
      .where(eq(items.id, itemId));
    await tx
      .update(programs)
      .set({ editedAt: now })
      .where(eq(programs.id, programOfLesson(item.lessonId)));
  });
}

const presentQuestion = (q: typeof questions.$inferSelect): AdminQuestion => ({
  id: q.id,
  key: q.key,
  prompt: q.prompt,
  choices: q.choices,
  correct: q.correct,
  explanation: q.explanation,
  archived: q.archivedAt !== null,
});

async function moduleRow(db: Db, moduleId: string) {
  const [m] = await db.select().from(modules).where(eq(modules.id, moduleId));
  if (!m) throw notFound("Module");
  return m;
}

async function testQuestionCount(db: Db, moduleId: string) {
  const [test] = await db
    .select({ n: assessments.questionCount })
    .from(assessments)
    .where(
      and(eq(assessments.moduleId, moduleId), eq(assessments.kind, "module_test"), isNull(assessments.archivedAt)),
    );
  return test?.n ?? null;
}

/** A module's question bank, archived questions included (marked), with the correct answers. */
export async function listBank(ctx: AppContext, moduleId: string) {
  const db = ctx.database.db;
  const m = await moduleRow(db, moduleId);
  const rows = await db
    .select()
    .from(questions)
    .where(eq(questions.moduleId, moduleId))
    .orderBy(asc(questions.position), asc(questions.key));
  return {
    moduleTitle: m.title,
    testQuestionCount: await testQuestionCount(db, moduleId),
    questions: rows.map(presentQuestion),
  };
}

export async function addQuestion(ctx: AppContext, moduleId: string, input: QuestionInput): Promise<AdminQuestion> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const m = await moduleRow(tx, moduleId);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(questions).where(eq(questions.moduleId, moduleId));
    const [row] = await tx
      .insert(questions)
      .values({
        key: `${m.key}.app-${randomBytes(4).toString("hex")}`,
        moduleId,
        prompt: input.prompt,
        choices: input.choices,
        correct: input.correct,
        explanation: input.explanation ?? null,
        position: n,
        updatedAt: now,
      })
      .returning();
    await touchProgram(tx, m.programId, now);
    return presentQuestion(row as typeof questions.$inferSelect);
  });
}

async function bankQuestion(db: Db, questionId: string) {
  const [q] = await db.select().from(questions).where(eq(questions.id, questionId));
  if (!q?.moduleId) throw notFound("Question");
  return { ...q, moduleId: q.moduleId };
}

export async function editQuestion(ctx: AppContext, questionId: string, input: QuestionInput): Promise<AdminQuestion> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const q = await bankQuestion(tx, questionId);
    const [row] = await tx
      .update(questions)
      .set({
        prompt: input.prompt,
        choices: input.choices,
        correct: input.correct,
        explanation: input.explanation ?? null,
        updatedAt: now,
      })
      .where(eq(questions.id, questionId))
      .returning();
    await touchProgram(tx, (await moduleRow(tx, q.moduleId)).programId, now);
    return presentQuestion(row as typeof questions.$inferSelect);
  });
}

/** Archives (or brings back) a bank question; a bank never drops below what its test draws. */
export async function setQuestionArchived(ctx: AppContext, questionId: string, archived: boolean) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const q = await bankQuestion(tx, questionId);
    if (archived && q.archivedAt === null) {
      const [{ live } = { live: 0 }] = await tx
        .select({ live: count() })
        .from(questions)
        .where(and(eq(questions.moduleId, q.moduleId), isNull(questions.archivedAt)));
      const needed = await testQuestionCount(tx, q.moduleId);
      if (needed !== null && live - 1 < needed) {
        throw new AppError(
          "rule_broken",
          `The module test draws ${needed} questions; the bank must keep at least ${needed} live questions.`,
        );
      }
    }
    const [row] = await tx
      .update(questions)
      .set({ archivedAt: archived ? (q.archivedAt ?? now) : null, updatedAt: now })
      .where(eq(questions.id, questionId))
      .returning();
    await touchProgram(tx, (await moduleRow(tx, q.moduleId)).programId, now);
    return presentQuestion(row as typeof questions.$inferSelect);
  });
}
