import { type AnyColumn, and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { notFound } from "../../../kernel/app-error.js";
import type { Db } from "../../../platform/db/database.js";
import type { ItemFormat, Plan, QuestionFormat } from "./content-format.js";
import type { LoadedLevel, LoadedModule, LoadedProgram } from "./content-loader.js";
import { assessments, type items, levels, modules, programs, questions } from "./schema.js";
import { liveLessonsWithItems } from "./store.js";

type QuestionRow = typeof questions.$inferSelect;
type ItemRow = typeof items.$inferSelect;

function question(q: QuestionRow, moduleKeys: ReadonlyMap<string, string>): QuestionFormat {
  const module = q.examModuleId ? moduleKeys.get(q.examModuleId) : undefined;
  return {
    key: q.key,
    prompt: q.prompt,
    choices: q.choices,
    correct: q.correct,
    ...(q.explanation !== null ? { explanation: q.explanation } : {}),
    ...(q.scenario ? { scenario: true } : {}),
    ...(module ? { module } : {}),
  };
}

function item(row: ItemRow, checks: Map<string, QuestionFormat[]>): ItemFormat {
  const base = { key: row.key, title: row.title };
  const data = row.data as Record<string, unknown>;
  switch (row.kind) {
    case "video":
      return {
        ...base,
        kind: "video",
        src: String(data.src),
        durationSeconds: Number(data.durationSeconds),
        ...(typeof data.transcript === "string" ? { transcript: data.transcript } : {}),
      };
    case "reading":
      return { ...base, kind: "reading", body: row.body ?? "" };
    case "workbook":
      return {
        ...base,
        kind: "workbook",
        ...(row.body !== null ? { description: row.body } : {}),
        file: String(data.file),
        ...(data.public === true ? { public: true } : {}),
      };
    case "scenario":
      return { ...base, kind: "scenario", body: row.body ?? "", guidance: String(data.guidance ?? "") };
    case "knowledge_check":
      return { ...base, kind: "knowledge_check", questions: checks.get(row.id) ?? [] };
  }
}

const group = <T, K>(rows: T[], by: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(by(row), [...(map.get(by(row)) ?? []), row]);
  return map;
};

/**
 * The program as it stands in the database (archived rows left out), in the loader's shape: written as a
 * bundle it imports back to the same structure, app edits included.
 */
export async function exportProgram(db: Db, programId: string): Promise<LoadedProgram> {
  const [program] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!program) throw notFound("Program");
  const live = (t: { archivedAt: AnyColumn }) => isNull(t.archivedAt);
  const levelRows = await db
    .select()
    .from(levels)
    .where(and(eq(levels.programId, programId), live(levels)))
    .orderBy(asc(levels.position));
  const moduleRows = await db
    .select()
    .from(modules)
    .where(and(eq(modules.programId, programId), live(modules)))
    .orderBy(asc(modules.position));
  const moduleIds = moduleRows.map((m) => m.id);
  const { lessonRows, itemRows } = await liveLessonsWithItems(db, moduleIds);
  const assessmentRows = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.programId, programId), live(assessments)))
    .orderBy(asc(assessments.position));
  const itemIds = itemRows.map((i) => i.id);
  const assessmentIds = assessmentRows.map((a) => a.id);
  const owned = [
    itemIds.length ? inArray(questions.itemId, itemIds) : undefined,
    moduleIds.length ? inArray(questions.moduleId, moduleIds) : undefined,
    assessmentIds.length ? inArray(questions.assessmentId, assessmentIds) : undefined,
  ].filter((c) => c !== undefined);
  const questionRows = owned.length
    ? await db
        .select()
        .from(questions)
        .where(and(live(questions), or(...owned)))
        .orderBy(asc(questions.position), asc(questions.key))
    : [];

  const checks = new Map<string, QuestionFormat[]>();
  const banks = new Map<string, QuestionFormat[]>();
  const pools = new Map<string, QuestionFormat[]>();
  const moduleKeys = new Map(moduleRows.map((m) => [m.id, m.key]));
  for (const q of questionRows) {
    const [map, owner] = q.itemId ? [checks, q.itemId] : q.moduleId ? [banks, q.moduleId] : [pools, q.assessmentId];
    if (owner) map.set(owner, [...(map.get(owner) ?? []), question(q, moduleKeys)]);
  }
  const itemsOf = group(itemRows, (i) => i.lessonId);
  const lessonsOf = group(lessonRows, (l) => l.moduleId);
  const modulesOf = group(moduleRows, (m) => m.levelId);

  const exportedLevels: LoadedLevel[] = levelRows.map((level) => ({
    key: level.key,
    number: level.number,
    title: level.title,
    summary: level.summary,
    ...(level.outcome !== null ? { outcome: level.outcome } : {}),
    plans: level.plans as Plan[],
    ...(level.credential ? { credential: level.credential } : {}),
    ...(level.cpd ? { cpd: level.cpd } : {}),
    modules: (modulesOf.get(level.id) ?? []).map((m): LoadedModule => {
      const moduleLessons = (lessonsOf.get(m.id) ?? []).map((lesson) => ({
        key: lesson.key,
        number: lesson.number,
        title: lesson.title,
        description: lesson.description,
        topics: lesson.topics,
        items: (itemsOf.get(lesson.id) ?? []).map((row) => item(row, checks)),
      }));
      const all = moduleLessons.flatMap((l) => l.items);
      const test = assessmentRows.find((a) => a.kind === "module_test" && a.moduleId === m.id);
      return {
        key: m.key,
        number: m.number,
        title: m.title,
        summary: m.summary,
        counts: {
          lessons: moduleLessons.length,
          workbooks: all.filter((i) => i.kind === "workbook").length,
          scenarios: all.filter((i) => i.kind === "scenario").length,
        },
        tools: m.tools.map((t) => ({
          key: t.key,
          title: t.title,
          ...(t.description ? { description: t.description } : {}),
          file: t.file,
          ...(t.public ? { public: true } : {}),
        })),
        lessons: moduleLessons,
        ...(test
          ? {
              test: {
                key: test.key,
                title: test.title,
                questionCount: test.questionCount,
                passPercent: test.passPercent,
              },
            }
          : {}),
        bank: banks.get(m.id) ?? [],
      };
    }),
    exams: assessmentRows
      .filter((a) => a.kind === "exam" && a.levelId === level.id)
      .map((exam) => ({
        key: exam.key,
        title: exam.title,
        ...(exam.description !== null ? { description: exam.description } : {}),
        questionCount: exam.questionCount,
        timeLimitMinutes: exam.timeLimitMinutes,
        passPercent: exam.passPercent,
        retakePolicy: exam.retakePolicy ?? null,
        ...(exam.blueprint ? { blueprint: exam.blueprint } : {}),
        pool: pools.get(exam.id) ?? [],
      })),
  }));

  return {
    key: program.key,
    title: program.title,
    summary: program.summary,
    moduleRequiresTest: program.moduleRequiresTest,
    moduleBadges: program.moduleBadges,
    credentialsExpire: program.credentialsExpire,
    levels: exportedLevels,
  };
}
