import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import { PathDetail, PathParams, PathsResponse } from "./contract.js";
import { enrol, listPaths, pathDetail } from "./service.js";

const tags = ["academy cpd"];

/** CPD Paths (Level 5, Full and CPD plans): list, one path with its steps, enrolment. */
export const cpdPathRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/academy/cpd/paths",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "CPD paths with contents, duration and the caller's progress",
        response: { 200: PathsResponse },
      },
    },
    async (req) => listPaths(ctx, actorOf(req)),
  );
  app.get(
    "/api/academy/cpd/paths/:pathId",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "One CPD path with its steps in order",
        params: PathParams,
        response: { 200: PathDetail },
      },
    },
    async (req) => pathDetail(ctx, actorOf(req), req.params.pathId),
  );
  app.post(
    "/api/academy/cpd/paths/:pathId/enrolment",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Enrol in a CPD path (201; 200 when already enrolled)",
        params: PathParams,
        response: { 200: PathDetail, 201: PathDetail },
      },
    },
    async (req, reply) => {
      const { created, path } = await enrol(ctx, actorOf(req), req.params.pathId);
      return reply.code(created ? 201 : 200).send(path);
    },
  );
};
