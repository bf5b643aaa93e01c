import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import { PulseHealthReport, PulseReasonsReport, ReportFacets, ReportFilterQuery } from "./contract.js";
import * as reports from "./service.js";

const tags = ["reports"];
const base = "/api/organizations/:orgId/reports";

export const reportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${base}/pulse-health`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, querystring: ReportFilterQuery, response: { 200: PulseHealthReport } },
    },
    async (req) => reports.pulseHealthReport(ctx, req.params.orgId, req.query),
  );
  app.get(
    `${base}/pulse-reasons`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, querystring: ReportFilterQuery, response: { 200: PulseReasonsReport } },
    },
    async (req) => reports.pulseReasonsReport(ctx, req.params.orgId, req.query),
  );
  app.get(
    `${base}/facets`,
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: ReportFacets } } },
    async (req) => reports.reportFacets(ctx, req.params.orgId),
  );
};
