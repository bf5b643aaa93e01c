import { and, asc, eq, inArray, isNotNull, isNull, min, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { attempts } from "../assessments/schema.js";
import { assessments, modules } from "../catalog/schema.js";
import { statements } from "../learning/schema.js";
import type { CredentialEvidence } from "./schema.js";

type ModuleRef = { id: string; number: number; title: string };

/** When the learner first completed each module (the learning area's "completed" statements). */
async function moduleCompletions(db: Db, userId: string, list: ModuleRef[]): Promise<CredentialEvidence["modules"]> {
  if (list.length === 0) return [];
  const done = await db
    .select({ moduleId: statements.objectId, at: min(statements.timestamp) })
    .from(statements)
    .where(
      and(
        eq(statements.actorId, userId),
        eq(statements.verb, "completed"),
        eq(statements.objectType, "module"),
        inArray(
          statements.objectId,
          list.map((m) => m.id),
        ),
      ),
    )
    .groupBy(statements.objectId);
  const at = new Map(done.map((d) => [d.moduleId, d.at]));
  return list.map((m) => {
    const when = at.get(m.id);
    return { ...m, completedAt: when ? new Date(when).toISOString() : null };
  });
}

/** Each assessment's best submitted attempt (passed first, then highest score, then earliest). */
async function bestResults(
  db: Db,
  userId: string,
  list: { id: string; title: string; passPercent: number }[],
): Promise<CredentialEvidence["exams"]> {
  const out: CredentialEvidence["exams"] = [];
  for (const a of list) {
    const [best] = await db
      .select()
      .from(attempts)
      .where(and(eq(attempts.userId, userId), eq(attempts.assessmentId, a.id), isNotNull(attempts.submittedAt)))
      .orderBy(
        sql`${attempts.passed} desc nulls last`,
        sql`${attempts.scorePercent} desc nulls last`,
        asc(attempts.submittedAt),
      )
      .limit(1);
    if (!best?.submittedAt || best.scorePercent === null) continue;
    out.push({
      id: a.id,
      title: a.title,
      scorePercent: best.scorePercent,
      passPercent: a.passPercent,
      passed: Boolean(best.passed),
      at: best.submittedAt.toISOString(),
    });
  }
  return out;
}

/** A module badge's evidence: the module's completion and its module test result. */
export async function moduleEvidence(db: Db, userId: string, module: ModuleRef): Promise<CredentialEvidence> {
  const tests = await db
    .select({ id: assessments.id, title: assessments.title, passPercent: assessments.passPercent })
    .from(assessments)
    .where(
      and(eq(assessments.moduleId, module.id), eq(assessments.kind, "module_test"), isNull(assessments.archivedAt)),
    )
    .orderBy(asc(assessments.position));
  return { modules: await moduleCompletions(db, userId, [module]), exams: await bestResults(db, userId, tests) };
}

/** A level's modules and exams, in order (archived ones left out). */
export async function levelContents(db: Db, levelId: string) {
  const mods = await db
    .select({ id: modules.id, number: modules.number, title: modules.title })
    .from(modules)
    .where(and(eq(modules.levelId, levelId), isNull(modules.archivedAt)))
    .orderBy(asc(modules.position));
  const exams = await db
    .select({ id: assessments.id, title: assessments.title, passPercent: assessments.passPercent })
    .from(assessments)
    .where(and(eq(assessments.levelId, levelId), eq(assessments.kind, "exam"), isNull(assessments.archivedAt)))
    .orderBy(asc(assessments.position));
  return { modules: mods, exams };
}

/** A level's evidence: every module of the level and every exam of the level. */
export async function levelEvidence(db: Db, userId: string, levelId: string): Promise<CredentialEvidence> {
  const { modules: mods, exams } = await levelContents(db, levelId);
  return { modules: await moduleCompletions(db, userId, mods), exams: await bestResults(db, userId, exams) };
}
