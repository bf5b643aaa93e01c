import { type AnyColumn, and, asc, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.js";
import { attempts } from "../assessments/schema.js";
import { assessments, levels, programs } from "../catalog/schema.js";
import { cpdStandings } from "../cpd/service.js";
import { credentials } from "../credentials/schema.js";
import { statusOf } from "../credentials/service/present.js";
import type { CertificationStatus, TeamExamRow } from "./contract.js";

/** Whose exams: the (member, program) pairs of a report's rows, in their order. */
export type ExamSubject = { userId: string; name: string; email: string; programKey: string; programTitle: string };

const iso = (v: Date | null) => (v === null ? null : v.toISOString());

/** Only members of the organization, whatever ids are asked for (memberships belong to accounts: plain SQL). */
const inOrg = (column: AnyColumn, orgId: string) =>
  sql`${column} in (select user_id from memberships where org_id = ${orgId})`;

/** The live exams and certification levels of live programs (one program, or all). */
async function examCatalog(db: Db, programKeys: string[]) {
  const exams = await db
    .select({
      id: assessments.id,
      key: assessments.key,
      title: assessments.title,
      passPercent: assessments.passPercent,
      programKey: programs.key,
      levelNumber: levels.number,
      levelTitle: levels.title,
    })
    .from(assessments)
    .innerJoin(levels, eq(levels.id, assessments.levelId))
    .innerJoin(programs, eq(programs.id, assessments.programId))
    .where(
      and(
        eq(assessments.kind, "exam"),
        isNull(assessments.archivedAt),
        isNull(levels.archivedAt),
        isNull(programs.archivedAt),
        inArray(programs.key, programKeys),
      ),
    )
    .orderBy(asc(programs.position), asc(levels.position), asc(assessments.position), asc(assessments.key));
  const certificationLevels = await db
    .select({ id: levels.id, programKey: programs.key, credential: levels.credential })
    .from(levels)
    .innerJoin(programs, eq(programs.id, levels.programId))
    .where(
      and(
        isNull(levels.archivedAt),
        inArray(programs.key, programKeys),
        sql`${levels.credential}->>'kind' = 'certification'`,
      ),
    )
    .orderBy(asc(levels.position));
  return { exams, certificationLevels };
}

/**
 * Each subject's exam results (best score, passed, attempts used) per exam of the program, and whether they
 * hold the program's certification now. Attempts and credentials are read only for members of `orgId`.
 */
export async function examResults(db: Db, orgId: string, subjects: ExamSubject[], now: Date): Promise<TeamExamRow[]> {
  if (subjects.length === 0) return [];
  const programKeys = [...new Set(subjects.map((s) => s.programKey))];
  const userIds = [...new Set(subjects.map((s) => s.userId))];
  const { exams, certificationLevels } = await examCatalog(db, programKeys);
  const tried = exams.length
    ? await db
        .select({
          userId: attempts.userId,
          assessmentId: attempts.assessmentId,
          attempts: sql<number>`count(*)::int`,
          best: max(attempts.scorePercent),
          passed: sql<boolean>`coalesce(bool_or(${attempts.passed}), false)`,
          lastAt: max(attempts.submittedAt),
        })
        .from(attempts)
        .where(
          and(
            inArray(attempts.userId, userIds),
            inOrg(attempts.userId, orgId),
            inArray(
              attempts.assessmentId,
              exams.map((e) => e.id),
            ),
            isNotNull(attempts.submittedAt),
          ),
        )
        .groupBy(attempts.userId, attempts.assessmentId)
    : [];
  const held = certificationLevels.length
    ? await db
        .select()
        .from(credentials)
        .where(
          and(
            inArray(credentials.userId, userIds),
            inOrg(credentials.userId, orgId),
            eq(credentials.kind, "certification"),
            inArray(
              credentials.levelId,
              certificationLevels.map((l) => l.id),
            ),
          ),
        )
    : [];

  const programKeyOf = new Map(certificationLevels.map((l) => [l.id, l.programKey]));
  const cpd = await cpdStandings(
    db,
    held.map((c) => ({
      userId: c.userId,
      programId: c.programId,
      programKey: programKeyOf.get(c.levelId ?? "") ?? "",
      achievedAt: c.achievedAt,
      revoked: c.revokedAt !== null,
    })),
    now,
  );
  const attemptOf = new Map(tried.map((a) => [`${a.userId} ${a.assessmentId}`, a]));
  const rows: TeamExamRow[] = [];
  for (const s of subjects) {
    const programExams = exams.filter((e) => e.programKey === s.programKey);
    const level = certificationLevels.find((l) => l.programKey === s.programKey);
    if (programExams.length === 0 && !level) continue;
    const credential = level ? held.find((c) => c.userId === s.userId && c.levelId === level.id) : undefined;
    const status: CertificationStatus = !credential
      ? "not_certified"
      : { valid: "certified" as const, expired: "expired" as const, revoked: "revoked" as const }[
          statusOf(credential, now)
        ];
    rows.push({
      userId: s.userId,
      name: s.name,
      email: s.email,
      program: { key: s.programKey, title: s.programTitle },
      exams: programExams.map((e) => {
        const a = attemptOf.get(`${s.userId} ${e.id}`);
        return {
          key: e.key,
          title: e.title,
          level: { number: e.levelNumber, title: e.levelTitle },
          passPercent: e.passPercent,
          attempts: a?.attempts ?? 0,
          bestScorePercent: a?.best ?? null,
          passed: Boolean(a?.passed),
          lastAttemptAt: a?.lastAt ? iso(new Date(a.lastAt)) : null,
        };
      }),
      certification: level
        ? {
            title: level.credential?.title ?? "",
            status,
            validUntil: iso(credential?.validUntil ?? null),
            cpd: credential ? (cpd.get(`${s.userId} ${credential.programId}`) ?? null) : null,
          }
        : null,
    });
  }
  return rows;
}
