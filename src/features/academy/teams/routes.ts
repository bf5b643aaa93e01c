import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import { TeamProgressFilter, TeamProgressPage, TeamProgressQuery } from "./contract.js";
import { myProgress, teamProgress, teamProgressCsv } from "./service.js";

const tags = ["academy team progress"];
const base = "/api/organizations/:orgId/academy";

/** Team progress for managers and admins; each member's own progress for everyone in the organization. */
export const teamProgressRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${base}/team-progress`,
    {
      config: { access: "org:manager" },
      schema: { tags, params: OrgParams, querystring: TeamProgressQuery, response: { 200: TeamProgressPage } },
    },
    async (req) => teamProgress(ctx, req.params.orgId, req.query),
  );
  app.get(
    `${base}/team-progress.csv`,
    {
      config: { access: "org:manager" },
      schema: {
        tags,
        summary: "The filtered team progress as CSV",
        params: OrgParams,
        querystring: TeamProgressFilter,
      },
    },
    async (req, reply) => {
      const day = ctx.clock.now().toISOString().slice(0, 10);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="team-progress-${day}.csv"`)
        .header("cache-control", "no-store")
        .send(await teamProgressCsv(ctx, req.params.orgId, req.query));
    },
  );
  app.get(
    `${base}/my-progress`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, querystring: TeamProgressQuery, response: { 200: TeamProgressPage } },
    },
    async (req) => myProgress(ctx, actorOf(req), req.params.orgId, req.query),
  );
};
