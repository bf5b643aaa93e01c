import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import { EVIDENCE_BODY_LIMIT } from "../self-cert/routes.js";
import {
  AuditRequestList,
  AuditRequestParams,
  AuditRequestQuery,
  AuditRequestView,
  DecisionBody,
  EvidenceParams,
  ResponseBody,
  SampleBody,
  SampleList,
  SampleResult,
} from "./contract.js";
import { decideAudit, drawAuditSample, evidenceFile, listSamples, requestViews, respondToAudit } from "./service.js";

const tags = ["academy-cpd"];
const admin = "/api/admin/academy/cpd";

/** Component 5: audit sampling (staff) and the learner's evidence answer. */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    `${admin}/audit-samples`,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Draw a reproducible random sample of self-certifications",
        body: SampleBody,
        response: { 201: SampleResult },
      },
    },
    async (req, reply) => reply.status(201).send(await drawAuditSample(ctx, actorOf(req), req.body)),
  );
  app.get(
    `${admin}/audit-samples`,
    {
      config: { access: "platform_admin" },
      schema: { tags, summary: "Audit samples drawn", response: { 200: SampleList } },
    },
    async () => listSamples(ctx),
  );
  app.get(
    `${admin}/audit-requests`,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Audit requests with their self-certification, evidence and log",
        querystring: AuditRequestQuery,
        response: { 200: AuditRequestList },
      },
    },
    async (req) => ({ items: await requestViews(ctx.database.db, { status: req.query.status }) }),
  );
  app.post(
    `${admin}/audit-requests/:auditRequestId/decision`,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Accept or reject with a reason (rejected minutes leave the record)",
        params: AuditRequestParams,
        body: DecisionBody,
        response: { 200: AuditRequestView },
      },
    },
    async (req) => decideAudit(ctx, actorOf(req), req.params.auditRequestId, req.body),
  );
  app.get(
    `${admin}/evidence/:evidenceId`,
    {
      config: { access: "platform_admin" },
      schema: { tags, summary: "An evidence file (until its deletion date)", params: EvidenceParams },
    },
    async (req, reply) => {
      const { row, bytes } = await evidenceFile(ctx, req.params.evidenceId);
      return reply
        .header("content-type", row.mediaType)
        .header(
          "content-disposition",
          `attachment; filename="evidence-${row.id}${row.mediaType === "application/pdf" ? ".pdf" : ""}"`,
        )
        .header("cache-control", "no-store")
        .send(bytes);
    },
  );
  app.post(
    "/api/academy/cpd/audit-requests/:auditRequestId/response",
    {
      config: { access: "user" },
      bodyLimit: EVIDENCE_BODY_LIMIT,
      schema: {
        tags,
        summary: "Answer an audit request with evidence (within 28 days)",
        params: AuditRequestParams,
        body: ResponseBody,
        response: { 200: AuditRequestView },
      },
    },
    async (req) => respondToAudit(ctx, actorOf(req), req.params.auditRequestId, req.body),
  );
};
