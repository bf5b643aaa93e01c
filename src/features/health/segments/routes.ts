import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import { type ExportFormat, sendExport } from "../clients/export/send-export.js";
import {
  CreateSegmentBody,
  PreviewBody,
  Segment,
  SegmentList,
  SegmentPageQuery,
  SegmentParams,
  SegmentResult,
  UpdateSegmentBody,
} from "./contract.js";
import * as segments from "./service.js";

const tags = ["segments"];
const base = "/api/organizations/:orgId/segments";

export const segmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    `${base}/preview`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, body: PreviewBody, response: { 200: SegmentResult } },
    },
    async (req) => segments.previewSegment(ctx, req.params.orgId, req.body),
  );
  app.get(
    base,
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: SegmentList } } },
    async (req) => segments.listSegments(ctx, actorOf(req), req.params.orgId),
  );
  app.post(
    base,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, body: CreateSegmentBody, response: { 201: Segment } },
    },
    async (req, reply) =>
      reply.status(201).send(await segments.createSegment(ctx, actorOf(req), req.params.orgId, req.body)),
  );
  app.get(
    `${base}/:segmentId`,
    { config: { access: "org:member" }, schema: { tags, params: SegmentParams, response: { 200: Segment } } },
    async (req) => segments.getSegment(ctx, actorOf(req), req.params.orgId, req.params.segmentId),
  );
  app.patch(
    `${base}/:segmentId`,
    {
      config: { access: "org:member" },
      schema: { tags, params: SegmentParams, body: UpdateSegmentBody, response: { 200: Segment } },
    },
    async (req) => segments.updateSegment(ctx, actorOf(req), req.params.orgId, req.params.segmentId, req.body),
  );
  app.delete(
    `${base}/:segmentId`,
    { config: { access: "org:member" }, schema: { tags, params: SegmentParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await segments.deleteSegment(ctx, actorOf(req), req.params.orgId, req.params.segmentId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${base}/:segmentId/clients`,
    {
      config: { access: "org:member" },
      schema: { tags, params: SegmentParams, querystring: SegmentPageQuery, response: { 200: SegmentResult } },
    },
    async (req) => segments.segmentClients(ctx, actorOf(req), req.params.orgId, req.params.segmentId, req.query),
  );
  for (const format of ["csv", "xlsx"] as ExportFormat[]) {
    app.get(
      `${base}/:segmentId/export.${format}`,
      {
        config: { access: "org:member" },
        schema: { tags, summary: `The segment's clients as ${format.toUpperCase()} (streamed)`, params: SegmentParams },
      },
      async (req, reply) => {
        const { name, rows } = await segments.segmentExport(ctx, actorOf(req), req.params.orgId, req.params.segmentId);
        return sendExport(reply, format, name, ctx.clock.now().toISOString().slice(0, 10), rows);
      },
    );
  }
};
