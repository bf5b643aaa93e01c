import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import * as edit from "./admin-edit.js";
import { bundleYaml } from "./bundle.js";
import {
  AdminModuleDetail,
  AdminProgramList,
  AdminQuestion,
  AdminQuestionList,
  AssignPlanBody,
  HeldPlan,
  IdParams,
  ItemEditBody,
  LearnerList,
  LearnerSearchQuery,
  LessonEditBody,
  MembershipParams,
  QuestionInput,
  TitleSummaryBody,
} from "./contract.js";
import { exportProgram } from "./export.js";
import { assignPlan, removePlan, searchLearners } from "./memberships.js";

const tags = ["academy admin"];
const base = "/api/admin/academy";
const admin = { access: "platform_admin" as const };
const done = z.null();

/** Platform admins: assign plans, edit programs, lessons and question banks, export a program. */
export const catalogAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${base}/learners`,
    { config: admin, schema: { tags, querystring: LearnerSearchQuery, response: { 200: LearnerList } } },
    async (req) => ({ learners: await searchLearners(ctx, req.query.email) }),
  );
  app.post(
    `${base}/memberships`,
    {
      config: admin,
      schema: {
        tags,
        summary: "Give a person a plan (renews one they hold)",
        body: AssignPlanBody,
        response: { 200: HeldPlan },
      },
    },
    async (req) => assignPlan(ctx, actorOf(req), req.body),
  );
  app.delete(
    `${base}/memberships/:membershipId`,
    { config: admin, schema: { tags, params: MembershipParams, response: { 204: done } } },
    async (req, reply) => {
      await removePlan(ctx, req.params.membershipId);
      return reply.status(204).send(null);
    },
  );

  app.get(`${base}/programs`, { config: admin, schema: { tags, response: { 200: AdminProgramList } } }, async () => ({
    programs: await edit.listAdminPrograms(ctx),
  }));
  const titleSummary = (path: string, run: (id: string, body: z.infer<typeof TitleSummaryBody>) => Promise<void>) =>
    app.patch(
      `${base}/${path}/:id`,
      { config: admin, schema: { tags, params: IdParams, body: TitleSummaryBody, response: { 204: done } } },
      async (req, reply) => {
        await run(req.params.id, req.body);
        return reply.status(204).send(null);
      },
    );
  titleSummary("programs", (id, body) => edit.editProgram(ctx, id, body));
  titleSummary("levels", (id, body) => edit.editLevel(ctx, id, body));
  titleSummary("modules", (id, body) => edit.editModule(ctx, id, body));
  app.get(
    `${base}/programs/:id/export.yaml`,
    {
      config: admin,
      schema: {
        tags,
        summary: "The program as one YAML bundle that `pulse content import <file>` accepts",
        params: IdParams,
      },
    },
    async (req, reply) => {
      const program = await exportProgram(ctx.database.db, req.params.id);
      return reply
        .header("content-type", "application/yaml; charset=utf-8")
        .header("content-disposition", `attachment; filename="${program.key}.bundle.yaml"`)
        .header("cache-control", "no-store")
        .send(bundleYaml(program));
    },
  );

  app.get(
    `${base}/modules/:id`,
    { config: admin, schema: { tags, params: IdParams, response: { 200: AdminModuleDetail } } },
    async (req) => edit.adminModule(ctx, req.params.id),
  );
  app.patch(
    `${base}/lessons/:id`,
    { config: admin, schema: { tags, params: IdParams, body: LessonEditBody, response: { 204: done } } },
    async (req, reply) => {
      await edit.editLesson(ctx, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.patch(
    `${base}/items/:id`,
    { config: admin, schema: { tags, params: IdParams, body: ItemEditBody, response: { 204: done } } },
    async (req, reply) => {
      await edit.editItem(ctx, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/modules/:id/questions`,
    { config: admin, schema: { tags, params: IdParams, response: { 200: AdminQuestionList } } },
    async (req) => edit.listBank(ctx, req.params.id),
  );
  app.post(
    `${base}/modules/:id/questions`,
    { config: admin, schema: { tags, params: IdParams, body: QuestionInput, response: { 201: AdminQuestion } } },
    async (req, reply) => reply.status(201).send(await edit.addQuestion(ctx, req.params.id, req.body)),
  );
  app.put(
    `${base}/questions/:id`,
    { config: admin, schema: { tags, params: IdParams, body: QuestionInput, response: { 200: AdminQuestion } } },
    async (req) => edit.editQuestion(ctx, req.params.id, req.body),
  );
  app.post(
    `${base}/questions/:id/archive`,
    { config: admin, schema: { tags, params: IdParams, response: { 200: AdminQuestion } } },
    async (req) => edit.setQuestionArchived(ctx, req.params.id, true),
  );
  app.post(
    `${base}/questions/:id/unarchive`,
    { config: admin, schema: { tags, params: IdParams, response: { 200: AdminQuestion } } },
    async (req) => edit.setQuestionArchived(ctx, req.params.id, false),
  );
};
