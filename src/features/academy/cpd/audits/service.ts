import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, lte, notInArray } from "drizzle-orm";
import { AppError, notFound } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import type { Db, Tx } from "../../../../platform/db/database.js";
import { ruleSetOf } from "../cycles/rule-sets.js";
import { reverseCpdEntry } from "../ledger/service.js";
import * as ledger from "../ledger/store.js";
import { CPD_PROGRAM_KEY } from "../library/access.js";
import { cpdEvidence, selfCertifications } from "../self-cert/schema.js";
import { decodeEvidence, selfCertViews, storeEvidence } from "../self-cert/service.js";
import {
  AUDIT_RESPONSE_DAYS,
  type AuditRequestView,
  type DecisionBody,
  type ResponseBody,
  type SampleBody,
} from "./contract.js";
import { drawSample } from "./sampling.js";
import { type AuditStatus, auditEvents, auditRequests, auditSamples } from "./schema.js";

type RequestRow = typeof auditRequests.$inferSelect;
const DAY_MS = 86_400_000;
const STEP: Record<AuditStatus, number> = { requested: 0, submitted: 1, accepted: 2, rejected: 2, expired: 2 };

async function transition(
  tx: Db,
  ctx: AppContext,
  row: RequestRow,
  to: AuditStatus,
  values: Partial<typeof auditRequests.$inferInsert>,
  actorId: string | null,
  note: string | null,
) {
  const updated = await tx
    .update(auditRequests)
    .set({ ...values, status: to })
    .where(and(eq(auditRequests.id, row.id), eq(auditRequests.status, row.status)))
    .returning({ id: auditRequests.id });
  if (updated.length === 0) throw new AppError("conflict", "The audit request changed meanwhile; reload it.");
  await tx
    .insert(auditEvents)
    .values({ requestId: row.id, fromStatus: row.status, toStatus: to, actorId, note, at: ctx.clock.now() });
}

async function mailLearner(tx: Db, ctx: AppContext, requestId: string, subject: string, lines: string[]) {
  const [row] = await tx
    .select({ email: selfCertifications.email, name: selfCertifications.name, title: selfCertifications.title })
    .from(auditRequests)
    .innerJoin(selfCertifications, eq(selfCertifications.id, auditRequests.selfCertificationId))
    .where(eq(auditRequests.id, requestId));
  if (!row) return;
  await ctx.mail.queue(tx as Tx, {
    to: row.email,
    subject,
    text: [
      `Hello ${row.name},`,
      "",
      ...lines.map((l) => l.replace("{title}", row.title)),
      "",
      `${ctx.appUrl}/cpd/self-certification`,
    ].join("\n"),
  });
}

export async function requestViews(
  db: Db,
  where: { ids?: string[]; status?: AuditStatus; sampleId?: string },
): Promise<AuditRequestView[]> {
  const rows = await db
    .select()
    .from(auditRequests)
    .where(
      and(
        where.ids ? inArray(auditRequests.id, where.ids) : undefined,
        where.status ? eq(auditRequests.status, where.status) : undefined,
        where.sampleId ? eq(auditRequests.sampleId, where.sampleId) : undefined,
      ),
    )
    .orderBy(asc(auditRequests.dueAt), asc(auditRequests.id))
    .limit(500);
  if (rows.length === 0) return [];
  const certs = await selfCertViews(
    db,
    null,
    rows.map((r) => r.selfCertificationId),
  );
  const events = await db
    .select()
    .from(auditEvents)
    .where(
      inArray(
        auditEvents.requestId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows.map((r) => ({
    id: r.id,
    sampleId: r.sampleId,
    status: r.status,
    dueAt: r.dueAt.toISOString(),
    responseNote: r.responseNote,
    reason: r.reason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    selfCertification: certs.find((c) => c.id === r.selfCertificationId) as AuditRequestView["selfCertification"],
    events: events
      .filter((e) => e.requestId === r.id)
      // transitions only go forward, so the step breaks ties between events of one instant
      .sort((a, b) => a.at.getTime() - b.at.getTime() || STEP[a.toStatus] - STEP[b.toStatus])
      .map((e) => ({
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorId: e.actorId,
        note: e.note,
        at: e.at.toISOString(),
      })),
  }));
}

const presentSample = (s: typeof auditSamples.$inferSelect, selected: number) => ({
  id: s.id,
  periodFrom: s.periodFrom,
  periodTo: s.periodTo,
  ratePercent: s.ratePercent,
  seed: s.seed,
  population: s.population,
  selected,
  drawnAt: s.drawnAt.toISOString(),
});

/**
 * Staff draw a reproducible random sample of the program's self-certifications completed in a period
 * (not already audited, not reversed); each selected learner is asked for evidence within 28 days.
 */
export async function drawAuditSample(ctx: AppContext, actor: Actor, body: SampleBody) {
  const db = ctx.database.db;
  const programId = await ledger.programIdByKey(db, CPD_PROGRAM_KEY);
  if (!programId) throw notFound("CPD program");
  const ratePercent = body.ratePercent ?? ruleSetOf(CPD_PROGRAM_KEY).auditRatePercent;
  const seed = body.seed ?? randomBytes(8).toString("hex");
  const now = ctx.clock.now();
  const result = await db.transaction(async (tx) => {
    const audited = tx.select({ id: auditRequests.selfCertificationId }).from(auditRequests);
    const population = await tx
      .select({ id: selfCertifications.id })
      .from(selfCertifications)
      .where(
        and(
          eq(selfCertifications.programId, programId),
          gte(selfCertifications.completedOn, body.from),
          lte(selfCertifications.completedOn, body.to),
          notInArray(selfCertifications.id, audited),
        ),
      );
    const chosen = drawSample(
      population.map((p) => p.id),
      ratePercent,
      seed,
    );
    const [sample] = await tx
      .insert(auditSamples)
      .values({
        programId,
        periodFrom: body.from,
        periodTo: body.to,
        ratePercent,
        seed,
        population: population.length,
        drawnBy: actor.userId,
        drawnAt: now,
      })
      .returning();
    if (!sample) throw new Error("sample not stored");
    if (chosen.length > 0) {
      const owners = await tx
        .select({ id: selfCertifications.id, userId: selfCertifications.userId })
        .from(selfCertifications)
        .where(inArray(selfCertifications.id, chosen));
      const inserted = await tx
        .insert(auditRequests)
        .values(
          owners.map((o) => ({
            sampleId: sample.id,
            selfCertificationId: o.id,
            userId: o.userId,
            status: "requested" as const,
            dueAt: new Date(now.getTime() + AUDIT_RESPONSE_DAYS * DAY_MS),
            createdAt: now,
          })),
        )
        .returning({ id: auditRequests.id, dueAt: auditRequests.dueAt });
      for (const r of inserted) {
        await tx.insert(auditEvents).values({
          requestId: r.id,
          fromStatus: null,
          toStatus: "requested",
          actorId: actor.userId,
          note: `sample ${sample.id}`,
          at: now,
        });
        await mailLearner(tx, ctx, r.id, "CPD audit: please send evidence within 28 days", [
          `Your self-certification "{title}" was selected in a random CPD audit.`,
          `Please upload evidence (a receipt, certificate or screenshot) by ${r.dueAt.toISOString().slice(0, 10)}; without it the hours leave your CPD record.`,
        ]);
      }
    }
    return { sample, selected: chosen.length };
  });
  return {
    ...presentSample(result.sample, result.selected),
    requests: await requestViews(db, { sampleId: result.sample.id }),
  };
}

export async function listSamples(ctx: AppContext) {
  const db = ctx.database.db;
  const samples = await db.select().from(auditSamples).orderBy(desc(auditSamples.drawnAt)).limit(200);
  const requests = await db.select({ sampleId: auditRequests.sampleId }).from(auditRequests);
  return { items: samples.map((s) => presentSample(s, requests.filter((r) => r.sampleId === s.id).length)) };
}

async function findRequest(db: Db, id: string) {
  const [row] = await db.select().from(auditRequests).where(eq(auditRequests.id, id));
  return row;
}

/** The learner answers with evidence (before the deadline): requested -> submitted. */
export async function respondToAudit(ctx: AppContext, actor: Actor, requestId: string, body: ResponseBody) {
  const db = ctx.database.db;
  const row = await findRequest(db, requestId);
  if (!row || row.userId !== actor.userId) throw notFound("Audit request");
  if (row.status !== "requested") throw new AppError("conflict", `This audit request is already ${row.status}.`);
  if (row.dueAt <= ctx.clock.now()) throw new AppError("rule_broken", "The 28 days to answer have passed.");
  const decoded = decodeEvidence(body.evidence);
  const [cert] = await db.select().from(selfCertifications).where(eq(selfCertifications.id, row.selfCertificationId));
  await db.transaction(async (tx) => {
    await storeEvidence(
      tx,
      ctx,
      row.selfCertificationId,
      cert?.completedOn ?? row.createdAt.toISOString().slice(0, 10),
      body.evidence,
      decoded,
    );
    await transition(tx, ctx, row, "submitted", { responseNote: body.note ?? null }, actor.userId, body.note ?? null);
  });
  return (await requestViews(db, { ids: [row.id] }))[0] as AuditRequestView;
}

async function rejectInTx(
  tx: Db,
  ctx: AppContext,
  row: RequestRow,
  to: "rejected" | "expired",
  actorId: string | null,
  reason: string,
) {
  const [cert] = await tx
    .select({ entryId: selfCertifications.entryId })
    .from(selfCertifications)
    .where(eq(selfCertifications.id, row.selfCertificationId));
  await transition(tx, ctx, row, to, { reason, decidedBy: actorId, decidedAt: ctx.clock.now() }, actorId, reason);
  if (cert)
    await reverseCpdEntry(ctx, tx, { entryId: cert.entryId, reason: `Audit ${to}: ${reason}`, recordedBy: actorId });
}

/** Staff accept or reject (with a reason); rejected minutes leave the record and the cycle is recomputed. */
export async function decideAudit(ctx: AppContext, actor: Actor, requestId: string, body: DecisionBody) {
  const db = ctx.database.db;
  const row = await findRequest(db, requestId);
  if (!row) throw notFound("Audit request");
  if (row.status !== "requested" && row.status !== "submitted") {
    throw new AppError("conflict", `This audit request is already ${row.status}.`);
  }
  await db.transaction(async (tx) => {
    if (body.decision === "accept") {
      await transition(
        tx,
        ctx,
        row,
        "accepted",
        { reason: body.reason, decidedBy: actor.userId, decidedAt: ctx.clock.now() },
        actor.userId,
        body.reason,
      );
      await mailLearner(tx, ctx, row.id, "CPD audit: accepted", [
        `Your evidence for "{title}" was accepted. Thank you.`,
      ]);
    } else {
      await rejectInTx(tx, ctx, row, "rejected", actor.userId, body.reason);
      await mailLearner(tx, ctx, row.id, "CPD audit: not accepted", [
        `Your self-certification "{title}" was not accepted: ${body.reason}`,
        "Its hours have left your CPD record.",
      ]);
    }
  });
  return (await requestViews(db, { ids: [row.id] }))[0] as AuditRequestView;
}

/** The daily chore: requests unanswered after 28 days expire as rejected (their minutes reversed). */
export async function expireOverdueAudits(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const due = await db
    .select()
    .from(auditRequests)
    .where(and(eq(auditRequests.status, "requested"), lte(auditRequests.dueAt, ctx.clock.now())));
  for (const row of due) {
    await db.transaction(async (tx) => {
      await rejectInTx(tx, ctx, row, "expired", null, "No evidence within 28 days");
      await mailLearner(tx, ctx, row.id, "CPD audit: expired", [
        `No evidence arrived within 28 days for "{title}", so its hours have left your CPD record.`,
      ]);
    });
  }
  return due.length;
}

export async function evidenceFile(ctx: AppContext, evidenceId: string) {
  const [row] = await ctx.database.db.select().from(cpdEvidence).where(eq(cpdEvidence.id, evidenceId));
  if (!row) throw notFound("Evidence");
  if (row.contentBase64 === null)
    throw new AppError("not_found", "This evidence was deleted 12 months after completion; its hash is kept.");
  return { row, bytes: Buffer.from(row.contentBase64, "base64") };
}
