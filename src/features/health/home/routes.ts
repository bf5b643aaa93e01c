import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import { Home } from "./contract.js";
import { home } from "./service.js";

export const homeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/organizations/:orgId/home",
    { config: { access: "org:member" }, schema: { tags: ["home"], params: OrgParams, response: { 200: Home } } },
    async (req) => home(ctx, req.params.orgId, actorOf(req)),
  );
};
