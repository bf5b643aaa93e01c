import { randomBytes } from "node:crypto";
import type { Db } from "../../../../platform/db/database.js";
import { attempts } from "../../assessments/schema.js";
import { assessments, levels, modules, programs } from "../../catalog/schema.js";
import { statements } from "../../learning/schema.js";

type Level = typeof levels.$inferSelect;
type Module = typeof modules.$inferSelect;
type Assessment = typeof assessments.$inferSelect;

/**
 * A small catalog written straight to the tables for credential tests: a CCSMP-like program (module
 * badges, expiring certification) with Level 1 (two modules, a certificate) and Level 4 (two exams, the
 * certification), and a Pulse+-like program whose certification never expires.
 */
export async function buildCredentialCatalog(db: Db) {
  const u = randomBytes(3).toString("hex");
  const [ccsmp] = await db
    .insert(programs)
    .values({
      key: `ccsmp-${u}`,
      title: "Certified CSM Professional",
      summary: "s",
      moduleRequiresTest: true,
      moduleBadges: true,
      credentialsExpire: true,
    })
    .returning();
  const [plus] = await db
    .insert(programs)
    .values({
      key: `plus-${u}`,
      title: "Pulse+ CSM",
      summary: "s",
      moduleRequiresTest: false,
      moduleBadges: false,
      credentialsExpire: false,
    })
    .returning();
  if (!ccsmp || !plus) throw new Error("no program");
  const level = async (programId: string, number: number, title: string, credential: Level["credential"]) => {
    const [row] = await db
      .insert(levels)
      .values({
        key: `l${number}-${programId.slice(0, 6)}-${u}`,
        programId,
        number,
        title,
        summary: "s",
        plans: ["full"],
        credential,
        position: number,
      })
      .returning();
    return row as Level;
  };
  const level1 = await level(ccsmp.id, 1, "Foundations of Business-Centric Success", {
    title: "CCSMP Level 1 Certificate",
    kind: "certificate",
  });
  const level4 = await level(ccsmp.id, 4, "Certification Exams", {
    title: "Certified CSM Professional",
    kind: "certification",
  });
  const plusLevel = await level(plus.id, 1, "CSM Path", { title: "Certified Professional CSM", kind: "certification" });
  const mods = (await db
    .insert(modules)
    .values(
      [
        [1, "Customer Success Fundamentals"],
        [2, "Business Fundamentals"],
      ].map(([n, title]) => ({
        key: `m${n}-${u}`,
        programId: ccsmp.id,
        levelId: level1.id,
        number: n as number,
        title: title as string,
        summary: "s",
        position: n as number,
      })),
    )
    .returning()) as Module[];
  const [plusModule] = await db
    .insert(modules)
    .values({
      key: `pm-${u}`,
      programId: plus.id,
      levelId: plusLevel.id,
      number: 1,
      title: "The CSM role",
      summary: "s",
      position: 1,
    })
    .returning();
  const moduleTest = (await db
    .insert(assessments)
    .values({
      key: `t1-${u}`,
      kind: "module_test",
      programId: ccsmp.id,
      moduleId: (mods[0] as Module).id,
      title: "Module 1 test",
      questionCount: 15,
      passPercent: 70,
    })
    .returning()) as Assessment[];
  const exams = (await db
    .insert(assessments)
    .values(
      [
        { key: `ea-${u}`, title: "Exam A", questionCount: 50, passPercent: 75, timeLimitMinutes: 60, position: 1 },
        { key: `eb-${u}`, title: "Exam B", questionCount: 8, passPercent: 62, timeLimitMinutes: 40, position: 2 },
      ].map((e) => ({ ...e, kind: "exam" as const, programId: ccsmp.id, levelId: level4.id })),
    )
    .returning()) as Assessment[];
  return {
    ccsmp,
    plus,
    level1,
    level4,
    plusLevel,
    module1: mods[0] as Module,
    module2: mods[1] as Module,
    plusModule: plusModule as Module,
    moduleTest: moduleTest[0] as Assessment,
    examA: exams[0] as Assessment,
    examB: exams[1] as Assessment,
  };
}

/** The learning area's record that a learner completed a module. */
export async function recordModuleCompleted(db: Db, userId: string, moduleId: string, at: Date) {
  await db
    .insert(statements)
    .values({ actorId: userId, verb: "completed", objectType: "module", objectId: moduleId, timestamp: at });
}

/** A submitted attempt with its score, as the assessments area records it. */
export async function recordAttempt(
  db: Db,
  userId: string,
  assessment: Assessment,
  scorePercent: number,
  at: Date,
  number = 1,
) {
  await db.insert(attempts).values({
    assessmentId: assessment.id,
    userId,
    number,
    questionIds: [],
    startedAt: at,
    submittedAt: at,
    submittedBy: "learner",
    correctCount: 0,
    scorePercent,
    passed: scorePercent >= assessment.passPercent,
  });
}
