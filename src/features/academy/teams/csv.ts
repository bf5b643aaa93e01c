import { stringify } from "csv-stringify/sync";
import type { AppContext } from "../../../platform/context.js";
import type { CertificationStatus, TeamExamRow, TeamProgressFilter, TeamProgressRow } from "./contract.js";
import { examResults } from "./exam-results.js";
import { examSubjects, present } from "./present.js";
import { teamGrid } from "./store.js";

// OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets (as
// src/features/health/clients/export does).
const FORMULA_START = /^[=+\-@\t\r]/;
export const escapeCell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** Module rows fill the first thirteen columns, exam rows the person, program, level and the last five. */
export const CSV_HEADER = [
  "Name",
  "Email",
  "Program",
  "Level",
  "Module",
  "Percent complete",
  "Status",
  "Completed at",
  "Last activity",
  "Test attempts",
  "Best test score %",
  "Last test score %",
  "Test passed",
  "Exam",
  "Exam attempts",
  "Best exam score %",
  "Exam passed",
  "Certified",
  "CPD standing",
  "CPD hours this cycle",
];

const CERTIFIED: Record<CertificationStatus, string> = {
  certified: "yes",
  not_certified: "no",
  expired: "expired",
  revoked: "revoked",
};

const yesNo = (attempts: number, passed: boolean) => (attempts === 0 ? "" : passed ? "yes" : "no");
const score = (n: number | null) => (n === null ? "" : String(n));

function moduleRecord(r: TeamProgressRow): string[] {
  return [
    escapeCell(r.name),
    escapeCell(r.email),
    escapeCell(r.program.title),
    escapeCell(`Level ${r.level.number}: ${r.level.title}`),
    escapeCell(`Module ${r.module.number}: ${r.module.title}`),
    String(r.percent),
    r.status.replace("_", " "),
    r.completedAt ?? "",
    r.lastActivityAt ?? "",
    String(r.test.attempts),
    score(r.test.bestScorePercent),
    score(r.test.lastScorePercent),
    yesNo(r.test.attempts, r.test.passed),
    "",
    "",
    "",
    "",
    "",
    "",
    "",
  ];
}

function examRecords(row: TeamExamRow): string[][] {
  const certified = row.certification ? CERTIFIED[row.certification.status] : "";
  const cpd = row.certification?.cpd;
  const standing = cpd ? [cpd.standing.replace("_", " "), (cpd.appliedMinutes / 60).toFixed(1)] : ["", ""];
  const person = [escapeCell(row.name), escapeCell(row.email), escapeCell(row.program.title)];
  // A certification without exams still gets its row.
  if (row.exams.length === 0) return [[...person, ...Array(14).fill(""), certified, ...standing]];
  return row.exams.map((e) => [
    ...person,
    escapeCell(`Level ${e.level.number}: ${e.level.title}`),
    "",
    "",
    "",
    "",
    e.lastAttemptAt ?? "",
    "",
    "",
    "",
    "",
    escapeCell(e.title),
    String(e.attempts),
    score(e.bestScorePercent),
    yesNo(e.attempts, e.passed),
    certified,
    ...standing,
  ]);
}

/**
 * Every matching row as CSV (BOM for Excel; text cells formula-escaped): each member's module rows of a
 * program, then one row per exam of that program with the certification standing.
 */
export async function teamProgressCsv(ctx: AppContext, orgId: string, filter: TeamProgressFilter): Promise<string> {
  const rows = (await teamGrid(ctx.database.db, orgId, filter, null)).map(present);
  const exams = await examResults(ctx.database.db, orgId, examSubjects(rows), ctx.clock.now());
  const examsOf = new Map(exams.map((e) => [`${e.userId} ${e.program.key}`, e]));
  const records: string[][] = [];
  rows.forEach((r, i) => {
    records.push(moduleRecord(r));
    const next = rows[i + 1];
    const key = `${r.userId} ${r.program.key}`;
    if (next && `${next.userId} ${next.program.key}` === key) return;
    const exam = examsOf.get(key);
    if (exam) records.push(...examRecords(exam));
  });
  return stringify([CSV_HEADER, ...records], { bom: true });
}
