import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import {
  CatalogProgram,
  CatalogResponse,
  ModuleDetail,
  ModuleKeyParams,
  MyPlans,
  ProgramKeyParams,
} from "./contract.js";
import { heldPlans } from "./memberships.js";
import { catalogHome, moduleDetail, programDetail } from "./read.js";

const tags = ["academy catalog"];

/** The catalog as a learner sees it: programs, levels (with locks), modules, progress. */
export const catalogRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/academy/catalog",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Every program with levels, modules, progress and locks; the caller's plans; where to continue",
        response: { 200: CatalogResponse },
      },
    },
    async (req) => catalogHome(ctx, actorOf(req)),
  );
  app.get(
    "/api/academy/programs/:programKey",
    { config: { access: "user" }, schema: { tags, params: ProgramKeyParams, response: { 200: CatalogProgram } } },
    async (req) => programDetail(ctx, actorOf(req), req.params.programKey),
  );
  app.get(
    "/api/academy/modules/:moduleKey",
    { config: { access: "user" }, schema: { tags, params: ModuleKeyParams, response: { 200: ModuleDetail } } },
    async (req) => moduleDetail(ctx, actorOf(req), req.params.moduleKey),
  );
  app.get(
    "/api/academy/me/plans",
    {
      config: { access: "user" },
      schema: { tags, summary: "The caller's membership plans", response: { 200: MyPlans } },
    },
    async (req) => ({ plans: await heldPlans(ctx, actorOf(req).userId) }),
  );
};
