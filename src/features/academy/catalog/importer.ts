import { and, isNull, notInArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../../platform/db/database.js";
import type { ItemFormat, QuestionFormat } from "./content-format.js";
import type { LoadedProgram } from "./content-loader.js";
import { assessments, items, lessons, levels, modules, programs, questions } from "./schema.js";

export type ImportResult = {
  programKey: string;
  programId: string;
  counts: Record<"levels" | "modules" | "lessons" | "items" | "assessments" | "questions", number>;
  /** Rows of this program that were no longer in the content and are now archived. */
  archived: number;
};

type Keyed = { key: string };

/**
 * Inserts or updates rows by their unique `key` (un-archiving any that come back) and returns key -> id.
 * Every column given is overwritten from the content; ids never change, so progress keeps pointing at them.
 */
async function upsertByKey<T extends PgTable & { key: PgColumn; id: PgColumn; archivedAt: PgColumn }>(
  tx: Tx,
  table: T,
  rows: (Keyed & Record<string, unknown>)[],
  now: Date,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((row) => ({ ...row, archivedAt: null, updatedAt: now }));
    if (chunk.length === 0) continue;
    const columns = Object.keys(chunk[0] as object).filter((c) => c !== "key");
    const tableColumns = table as unknown as Record<string, PgColumn>;
    const set: Record<string, SQL> = {};
    for (const c of columns) {
      const column = tableColumns[c];
      if (!column) throw new Error(`no column ${c}`);
      set[c] = sql.raw(`excluded."${column.name}"`);
    }
    const result = (await tx
      .insert(table)
      .values(chunk as never)
      .onConflictDoUpdate({ target: table.key, set: set as never })
      .returning({ id: table.id, key: table.key })) as { id: string; key: string }[];
    for (const r of result) ids.set(r.key, r.id);
  }
  return ids;
}

/** Archives rows matched by `owned` whose key is no longer in the content. */
async function archiveMissing(
  tx: Tx,
  table: PgTable & { key: PgColumn; archivedAt: PgColumn },
  owned: SQL,
  keys: string[],
  now: Date,
) {
  const keep = keys.length > 0 ? notInArray(table.key, keys) : undefined;
  const result = await tx
    .update(table)
    .set({ archivedAt: now } as never)
    .where(and(owned, isNull(table.archivedAt), keep))
    .returning({ key: table.key });
  return result.length;
}

/** The kind-specific part of an item row: Markdown `body` and `data`. */
function itemFields(item: ItemFormat): { body: string | null; data: Record<string, unknown> } {
  switch (item.kind) {
    case "video":
      return {
        body: null,
        data: { src: item.src, durationSeconds: item.durationSeconds, transcript: item.transcript ?? null },
      };
    case "reading":
      return { body: item.body ?? "", data: {} };
    case "workbook":
      return { body: item.description ?? null, data: { file: item.file, ...(item.public ? { public: true } : {}) } };
    case "scenario":
      return { body: item.body ?? "", data: { guidance: item.guidance } };
    case "knowledge_check":
      return { body: null, data: { questionCount: item.questions.length } };
  }
}

function questionRow(q: QuestionFormat, position: number, owner: Record<string, string | null>) {
  return {
    key: q.key,
    itemId: null,
    moduleId: null,
    assessmentId: null,
    examModuleId: null,
    ...owner,
    prompt: q.prompt,
    choices: q.choices,
    correct: q.correct,
    explanation: q.explanation ?? null,
    scenario: q.scenario ?? false,
    position,
  };
}

/** Writes one loaded program into the catalog tables, inside the caller's transaction. */
export async function importProgram(
  tx: Tx,
  program: LoadedProgram,
  now: Date,
  position: number,
): Promise<ImportResult> {
  const programIds = await upsertByKey(
    tx,
    programs,
    [
      {
        key: program.key,
        title: program.title,
        summary: program.summary,
        moduleRequiresTest: program.moduleRequiresTest,
        moduleBadges: program.moduleBadges,
        credentialsExpire: program.credentialsExpire,
        position,
      },
    ],
    now,
  );
  const programId = programIds.get(program.key) as string;

  const levelIds = await upsertByKey(
    tx,
    levels,
    program.levels.map((l, i) => ({
      key: l.key,
      programId,
      number: l.number,
      title: l.title,
      summary: l.summary,
      outcome: l.outcome ?? null,
      plans: l.plans,
      credential: l.credential ?? null,
      cpd: l.cpd ?? null,
      position: i,
    })),
    now,
  );

  const allModules = program.levels.flatMap((l) => l.modules.map((m) => ({ level: l, module: m })));
  const moduleIds = await upsertByKey(
    tx,
    modules,
    allModules.map(({ level, module: m }, i) => ({
      key: m.key,
      programId,
      levelId: levelIds.get(level.key) as string,
      number: m.number,
      title: m.title,
      summary: m.summary,
      tools: m.tools,
      position: i,
    })),
    now,
  );

  const allLessons = allModules.flatMap(({ module: m }) => m.lessons.map((lesson, i) => ({ m, lesson, i })));
  const lessonIds = await upsertByKey(
    tx,
    lessons,
    allLessons.map(({ m, lesson, i }) => ({
      key: lesson.key,
      moduleId: moduleIds.get(m.key) as string,
      number: lesson.number,
      title: lesson.title,
      description: lesson.description,
      topics: lesson.topics,
      position: i,
    })),
    now,
  );

  const allItems = allLessons.flatMap(({ lesson }) => lesson.items.map((item, i) => ({ lesson, item, i })));
  const itemIds = await upsertByKey(
    tx,
    items,
    allItems.map(({ lesson, item, i }) => ({
      key: item.key,
      lessonId: lessonIds.get(lesson.key) as string,
      kind: item.kind,
      title: item.title,
      position: i,
      ...itemFields(item),
    })),
    now,
  );

  const tests = allModules.flatMap(({ level, module: m }) =>
    m.test
      ? [
          {
            key: m.test.key,
            kind: "module_test" as const,
            programId,
            levelId: levelIds.get(level.key) as string,
            moduleId: moduleIds.get(m.key) as string,
            title: m.test.title,
            description: null,
            questionCount: m.test.questionCount,
            passPercent: m.test.passPercent,
            timeLimitMinutes: null,
            retakePolicy: null,
            blueprint: null,
            position: 0,
          },
        ]
      : [],
  );
  const exams = program.levels.flatMap((level) =>
    level.exams.map((exam, i) => ({
      key: exam.key,
      kind: "exam" as const,
      programId,
      levelId: levelIds.get(level.key) as string,
      moduleId: null,
      title: exam.title,
      description: exam.description ?? null,
      questionCount: exam.questionCount,
      passPercent: exam.passPercent,
      timeLimitMinutes: exam.timeLimitMinutes,
      retakePolicy: exam.retakePolicy,
      blueprint: exam.blueprint ?? null,
      position: i,
    })),
  );
  const assessmentIds = await upsertByKey(tx, assessments, [...tests, ...exams], now);

  const questionRows = [
    ...allItems.flatMap(({ item }) =>
      item.kind === "knowledge_check"
        ? item.questions.map((q, i) => questionRow(q, i, { itemId: itemIds.get(item.key) as string }))
        : [],
    ),
    ...allModules.flatMap(({ module: m }) =>
      m.bank.map((q, i) => questionRow(q, i, { moduleId: moduleIds.get(m.key) as string })),
    ),
    ...program.levels.flatMap((l) =>
      l.exams.flatMap((exam) =>
        exam.pool.map((q, i) =>
          questionRow(q, i, {
            assessmentId: assessmentIds.get(exam.key) as string,
            examModuleId: q.module ? (moduleIds.get(q.module) ?? null) : null,
          }),
        ),
      ),
    ),
  ];
  const questionIds = await upsertByKey(tx, questions, questionRows, now);

  // What the content no longer names is archived (never deleted: statements and attempts point at it).
  const ofProgram = (table: PgTable & { programId: PgColumn }) => sql`${table.programId} = ${programId}`;
  const moduleIdsOfProgram = sql`(select id from ${modules} where ${modules.programId} = ${programId})`;
  const lessonIdsOfProgram = sql`(select id from ${lessons} where ${lessons.moduleId} in ${moduleIdsOfProgram})`;
  const itemIdsOfProgram = sql`(select id from ${items} where ${items.lessonId} in ${lessonIdsOfProgram})`;
  const assessmentIdsOfProgram = sql`(select id from ${assessments} where ${assessments.programId} = ${programId})`;
  let archived = 0;
  archived += await archiveMissing(tx, levels, ofProgram(levels), [...levelIds.keys()], now);
  archived += await archiveMissing(tx, modules, ofProgram(modules), [...moduleIds.keys()], now);
  archived += await archiveMissing(
    tx,
    lessons,
    sql`${lessons.moduleId} in ${moduleIdsOfProgram}`,
    [...lessonIds.keys()],
    now,
  );
  archived += await archiveMissing(
    tx,
    items,
    sql`${items.lessonId} in ${lessonIdsOfProgram}`,
    [...itemIds.keys()],
    now,
  );
  archived += await archiveMissing(tx, assessments, ofProgram(assessments), [...assessmentIds.keys()], now);
  archived += await archiveMissing(
    tx,
    questions,
    sql`(${questions.itemId} in ${itemIdsOfProgram} or ${questions.moduleId} in ${moduleIdsOfProgram} or ${questions.assessmentId} in ${assessmentIdsOfProgram})`,
    [...questionIds.keys()],
    now,
  );

  return {
    programKey: program.key,
    programId,
    counts: {
      levels: levelIds.size,
      modules: moduleIds.size,
      lessons: lessonIds.size,
      items: itemIds.size,
      assessments: assessmentIds.size,
      questions: questionIds.size,
    },
    archived,
  };
}
