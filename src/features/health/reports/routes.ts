import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import { PulseHealthReport, PulseReasonsReport, ReportFacets, ReportFilterQuery } from "./contract.js";
import * as reports from "./service.js";

const tags = ["reports"];
const base = "/api/organizations/:orgId/reports";
/** Says where an "as of" report came from: `snapshot` (the day's totals) or `history` (the span lookups). */
const AS_OF_SOURCE = "x-pulse-as-of-source";

export const reportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${base}/pulse-health`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, querystring: ReportFilterQuery, response: { 200: PulseHealthReport } },
    },
    async (req, reply) => {
      const { report, source } = await reports.pulseHealthReportWithSource(ctx, req.params.orgId, req.query);
      if (source) reply.header(AS_OF_SOURCE, source);
      return report;
    },
  );
  app.get(
    `${base}/pulse-reasons`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, querystring: ReportFilterQuery, response: { 200: PulseReasonsReport } },
    },
    async (req, reply) => {
      const { report, source } = await reports.pulseReasonsReportWithSource(ctx, req.params.orgId, req.query);
      if (source) reply.header(AS_OF_SOURCE, source);
      return report;
    },
  );
  app.get(
    `${base}/facets`,
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: ReportFacets } } },
    async (req) => reports.reportFacets(ctx, req.params.orgId),
  );
};
