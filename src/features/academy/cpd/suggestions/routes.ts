import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import {
  StaffSuggestionList,
  StaffSuggestionQuery,
  StaffSuggestionView,
  StatusBody,
  SuggestionBody,
  SuggestionList,
  SuggestionParams,
  SuggestionView,
} from "./contract.js";
import {
  changeSuggestionStatus,
  mySuggestions,
  rankedSuggestions,
  submitSuggestion,
  suggestionsToSupport,
  supportSuggestion,
  withdrawSupport,
} from "./service.js";

const tags = ["academy-cpd"];
const base = "/api/academy/cpd/suggestions";
const admin = "/api/admin/academy/cpd/suggestions";

/** Component 4: Suggest a New CPD Training Topic (learners), support (votes) and staff review. */
export const suggestionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    base,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Suggest a new CPD training topic",
        body: SuggestionBody,
        response: { 201: SuggestionView },
      },
    },
    async (req, reply) => reply.status(201).send(await submitSuggestion(ctx, actorOf(req), req.body)),
  );
  app.get(
    `${base}/mine`,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The learner's suggestions with status and staff note",
        response: { 200: SuggestionList },
      },
    },
    async (req) => ({ items: await mySuggestions(ctx, actorOf(req)) }),
  );
  app.get(
    base,
    {
      config: { access: "user" },
      schema: { tags, summary: "Other learners' open suggestions, to support", response: { 200: SuggestionList } },
    },
    async (req) => ({ items: await suggestionsToSupport(ctx, actorOf(req)) }),
  );
  app.post(
    `${base}/:suggestionId/vote`,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Support a suggestion (one vote each, not one's own)",
        params: SuggestionParams,
        response: { 200: SuggestionView },
      },
    },
    async (req) => supportSuggestion(ctx, actorOf(req), req.params.suggestionId),
  );
  app.delete(
    `${base}/:suggestionId/vote`,
    {
      config: { access: "user" },
      schema: { tags, summary: "Withdraw one's support", params: SuggestionParams, response: { 200: SuggestionView } },
    },
    async (req) => withdrawSupport(ctx, actorOf(req), req.params.suggestionId),
  );
  app.get(
    admin,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Every suggestion ranked by votes, with its author and status log",
        querystring: StaffSuggestionQuery,
        response: { 200: StaffSuggestionList },
      },
    },
    async (req) => ({ items: await rankedSuggestions(ctx, actorOf(req), { status: req.query.status }) }),
  );
  app.patch(
    `${admin}/:suggestionId`,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Change a suggestion's status with a note to the learner (allowed transitions only)",
        params: SuggestionParams,
        body: StatusBody,
        response: { 200: StaffSuggestionView },
      },
    },
    async (req) => changeSuggestionStatus(ctx, actorOf(req), req.params.suggestionId, req.body),
  );
};
