import { randomBytes } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { grantStaffAccess } from "../../../billing/service.js";
import { assessments, levels, modules, programs, questions } from "../../catalog/schema.js";

/**
 * A small catalog written straight to the tables for integration tests: one program, one level opened by
 * the "scholar" plan, two modules with banks, a module test, a timed exam drawing per blueprint from its
 * own pool's questions tagged by module (`examPoolSize` per module) plus untagged scenario questions of
 * that pool (`poolSize`), and an untimed exam with no retake policy and no pool of its own, drawing from a
 * module bank as exams imported before exam-only pools did.
 */
export async function buildAssessmentCatalog(
  db: Db,
  options: { bankSize?: number; poolSize?: number; examPoolSize?: number; testCount?: number } = {},
) {
  const u = randomBytes(3).toString("hex");
  const bankSize = options.bankSize ?? 30;
  const [program] = await db
    .insert(programs)
    .values({
      key: `p-${u}`,
      title: "Test Program",
      summary: "s",
      moduleRequiresTest: true,
      moduleBadges: false,
      credentialsExpire: false,
    })
    .returning();
  if (!program) throw new Error("no program");
  const [level] = await db
    .insert(levels)
    .values({
      key: `l-${u}`,
      programId: program.id,
      number: 4,
      title: "Level 4 – Exams",
      summary: "s",
      plans: ["scholar", "full"],
      position: 0,
    })
    .returning();
  if (!level) throw new Error("no level");
  const moduleRows = await db
    .insert(modules)
    .values(
      [1, 2].map((n) => ({
        key: `m${n}-${u}`,
        programId: program.id,
        levelId: level.id,
        number: n,
        title: `Module ${n}`,
        summary: "s",
        position: n,
      })),
    )
    .returning();
  const [m1, m2] = moduleRows as [typeof modules.$inferSelect, typeof modules.$inferSelect];
  const question = (key: string, owner: Partial<typeof questions.$inferInsert>, i: number) => ({
    key,
    ...owner,
    prompt: `Question ${key}?`,
    choices: [
      { key: "a", text: "Alpha" },
      { key: "b", text: "Bravo" },
      { key: "c", text: "Charlie" },
    ],
    // Every third question takes two choices, the others one.
    correct: i % 3 === 0 ? ["a", "c"] : ["b"],
    explanation: `Because of ${key}.`,
    position: i,
  });
  for (const m of [m1, m2]) {
    await db
      .insert(questions)
      .values(Array.from({ length: bankSize }, (_, i) => question(`${m.key}-q${i}`, { moduleId: m.id }, i)));
  }
  const inserted = await db
    .insert(assessments)
    .values([
      {
        key: `t1-${u}`,
        kind: "module_test",
        programId: program.id,
        levelId: level.id,
        moduleId: m1.id,
        title: "Module 1 test",
        questionCount: options.testCount ?? 15,
        passPercent: 70,
      },
      {
        key: `exam-a-${u}`,
        kind: "exam",
        programId: program.id,
        levelId: level.id,
        title: "Exam A",
        questionCount: 10,
        passPercent: 75,
        timeLimitMinutes: 60,
        retakePolicy: { waitsAfterFailureHours: [48, 48], thenEveryFailureHours: 336 },
        blueprint: { [m1.key]: 4, [m2.key]: 4 },
        position: 0,
      },
      {
        key: `final-${u}`,
        kind: "exam",
        programId: program.id,
        levelId: level.id,
        title: "Final exam",
        questionCount: 5,
        passPercent: 60,
        timeLimitMinutes: null,
        retakePolicy: null,
        blueprint: { [m2.key]: 5 },
        position: 1,
      },
    ])
    .returning();
  const [moduleTest, examA, finalExam] = inserted as [
    typeof assessments.$inferSelect,
    typeof assessments.$inferSelect,
    typeof assessments.$inferSelect,
  ];
  const poolSize = options.poolSize ?? 6;
  const examPoolSize = options.examPoolSize ?? 20;
  await db.insert(questions).values([
    ...[m1, m2].flatMap((m) =>
      Array.from({ length: examPoolSize }, (_, i) =>
        question(`${examA.key}-${m.key}-q${i}`, { assessmentId: examA.id, examModuleId: m.id }, i),
      ),
    ),
    ...Array.from({ length: poolSize }, (_, i) => ({
      ...question(`${examA.key}-s${i}`, { assessmentId: examA.id }, examPoolSize + i),
      scenario: true,
    })),
  ]);
  return { program, level, m1, m2, moduleTest, examA, finalExam };
}

/** Gives a user a plan by staff grant (a billing entitlement), from `startsAt`. */
export async function grantPlan(db: Db, userId: string, plan: string, startsAt: Date) {
  await grantStaffAccess(db, { userId, accessKey: plan, grantedBy: null, now: startsAt, startsAt, endsAt: null });
}

/** The correct keys of questions, read from the bank (what a perfect candidate would answer). */
export async function correctAnswers(db: Db, questionIds: string[]): Promise<Record<string, string[]>> {
  const rows = await db
    .select({ id: questions.id, correct: questions.correct })
    .from(questions)
    .where(inArray(questions.id, questionIds));
  return Object.fromEntries(rows.map((r) => [r.id, r.correct]));
}

/** Wrong answers for every question: a single choice that is never the whole correct set. */
export async function wrongAnswers(db: Db, questionIds: string[]): Promise<Record<string, string[]>> {
  const right = await correctAnswers(db, questionIds);
  return Object.fromEntries(questionIds.map((id) => [id, [right[id]?.includes("a") ? "b" : "a"]]));
}
