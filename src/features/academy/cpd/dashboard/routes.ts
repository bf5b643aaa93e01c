import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import { Dashboard, DashboardQuery } from "./contract.js";
import { cpdDashboard } from "./service.js";

const tags = ["academy-cpd"];

/** Component 6: the learner's CPD dashboard and exports. */
export const cpdDashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/academy/cpd/dashboard",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The CPD dashboard: paths progress, activity history, recertification and CPD time per source",
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req) => cpdDashboard(ctx, actorOf(req), req.query),
  );
};
