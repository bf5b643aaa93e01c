import { createHash, randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db } from "../../../../platform/db/database.js";
import { auditRequests } from "../audits/schema.js";
import { localDate } from "../cycles/local-date.js";
import { cpdEntries } from "../ledger/schema.js";
import { recordCpdMinutes } from "../ledger/service.js";
import * as ledger from "../ledger/store.js";
import { assertCpdOpen, CPD_PROGRAM_KEY } from "../library/access.js";
import { EVIDENCE_MAX_BYTES, type EvidenceUpload, type SelfCertBody, type SelfCertView } from "./contract.js";
import { evidenceDeleteAfter, evidenceProblem, selfCertProblems } from "./rules.js";
import { cpdEvidence, selfCertifications } from "./schema.js";

const invalid = (fields: Record<string, string>) =>
  new AppError("invalid_input", "Some fields need attention.", { fields });

/** Decodes and checks an upload; the field errors are under `prefix`. */
export function decodeEvidence(upload: EvidenceUpload, prefix = "evidence"): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.from(upload.contentBase64, "base64");
  const problem = evidenceProblem(upload.mediaType, bytes, EVIDENCE_MAX_BYTES);
  if (problem) throw invalid({ [`${prefix}.contentBase64`]: problem });
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Stores an evidence file for a self-certification (content deleted 12 months after completion by a job). */
export async function storeEvidence(
  db: Db,
  ctx: AppContext,
  selfCertificationId: string,
  completedOn: string,
  upload: EvidenceUpload,
  decoded: { bytes: Buffer; sha256: string },
) {
  await db.insert(cpdEvidence).values({
    selfCertificationId,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    sizeBytes: decoded.bytes.length,
    sha256: decoded.sha256,
    contentBase64: decoded.bytes.toString("base64"),
    uploadedAt: ctx.clock.now(),
    deleteAfter: evidenceDeleteAfter(completedOn),
  });
}

/**
 * CPD Self Certification: the hours count at once (a ledger entry, source external), the declaration and
 * any evidence are kept for audit. Every rule has its field error.
 */
export async function submitSelfCertification(
  ctx: AppContext,
  actor: Actor,
  body: SelfCertBody,
): Promise<SelfCertView> {
  await assertCpdOpen(ctx, actor);
  const db = ctx.database.db;
  const timeZone = actor.profile?.timeZone ?? (await ledger.timeZoneOf(db, actor.userId));
  const problems = selfCertProblems(body, localDate(ctx.clock.now(), timeZone));
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const decoded = body.evidence ? decodeEvidence(body.evidence) : null;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const { entry } = await recordCpdMinutes(ctx, tx, {
      userId: actor.userId,
      program: { key: CPD_PROGRAM_KEY },
      source: "external",
      sourceKey: `self-cert:${id}`,
      itemId: id,
      title: `${body.title} (${body.provider})`,
      assetType: body.contentType,
      activityType: "self-certified",
      minutes: body.hours * 60 + body.minutes,
      occurredAt: body.completedOn,
      launchPath: "/cpd/self-certification",
    });
    await tx.insert(selfCertifications).values({
      id,
      userId: actor.userId,
      programId: entry.programId,
      entryId: entry.id,
      name: actor.name,
      email: actor.email,
      contentType: body.contentType,
      title: body.title,
      provider: body.provider,
      hours: body.hours,
      minutes: body.minutes,
      completedOn: body.completedOn,
      consent: body.consent,
      submittedAt: ctx.clock.now(),
    });
    if (body.evidence && decoded) await storeEvidence(tx, ctx, id, body.completedOn, body.evidence, decoded);
  });
  const [view] = await selfCertViews(db, actor.userId, [id]);
  return view as SelfCertView;
}

/** A learner's self-certifications (or the ones given), newest first, with evidence metadata and audit. */
export async function selfCertViews(db: Db, userId: string | null, ids?: string[]): Promise<SelfCertView[]> {
  const where = [
    userId ? eq(selfCertifications.userId, userId) : undefined,
    ids ? inArray(selfCertifications.id, ids) : undefined,
  ];
  const rows = await db
    .select()
    .from(selfCertifications)
    .where(and(...where))
    .orderBy(desc(selfCertifications.submittedAt));
  if (rows.length === 0) return [];
  const certIds = rows.map((r) => r.id);
  const evidence = await db.select().from(cpdEvidence).where(inArray(cpdEvidence.selfCertificationId, certIds));
  const audits = await db.select().from(auditRequests).where(inArray(auditRequests.selfCertificationId, certIds));
  const reversals = await db
    .select({ reverses: cpdEntries.reversesEntryId })
    .from(cpdEntries)
    .where(
      inArray(
        cpdEntries.reversesEntryId,
        rows.map((r) => r.entryId),
      ),
    );
  const reversed = new Set(reversals.map((r) => r.reverses));
  return rows.map((r) => {
    const audit = audits.find((a) => a.selfCertificationId === r.id);
    return {
      id: r.id,
      entryId: r.entryId,
      name: r.name,
      email: r.email,
      contentType: r.contentType,
      title: r.title,
      provider: r.provider,
      hours: r.hours,
      minutes: r.minutes,
      completedOn: r.completedOn,
      submittedAt: r.submittedAt.toISOString(),
      evidence: evidence
        .filter((e) => e.selfCertificationId === r.id)
        .map((e) => ({
          id: e.id,
          fileName: e.fileName,
          mediaType: e.mediaType,
          sizeBytes: e.sizeBytes,
          sha256: e.sha256,
          uploadedAt: e.uploadedAt.toISOString(),
          deleteAfter: e.deleteAfter,
          deleted: e.contentBase64 === null,
        })),
      audit: audit
        ? { id: audit.id, status: audit.status, dueAt: audit.dueAt.toISOString(), reason: audit.reason }
        : null,
      reversed: reversed.has(r.entryId),
    };
  });
}

export async function mySelfCertifications(ctx: AppContext, actor: Actor) {
  await assertCpdOpen(ctx, actor);
  return { items: await selfCertViews(ctx.database.db, actor.userId) };
}

/** The daily chore: deletes evidence content past its date; name, type, size and hash stay. */
export async function deleteExpiredEvidence(ctx: AppContext): Promise<number> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const rows = await ctx.database.db
    .update(cpdEvidence)
    .set({ contentBase64: null, deletedAt: ctx.clock.now() })
    .where(and(isNull(cpdEvidence.deletedAt), lte(cpdEvidence.deleteAfter, today)))
    .returning({ id: cpdEvidence.id });
  return rows.length;
}
