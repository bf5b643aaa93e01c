import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import { ClientParams } from "../clients/contract.js";
import {
  CreateReasonCodeBody,
  FormulaComparison,
  FormulaComparisonQuery,
  PulseEntry,
  PulseHistory,
  ReasonCode,
  ReasonCodeList,
  ReasonCodeParams,
  ScoreFormulaBody,
  SetPulseBody,
  SuccessScoreView,
  UpdateReasonCodeBody,
} from "./contract.js";
import * as pulses from "./service.js";

const tags = ["pulses"];
const reasons = "/api/organizations/:orgId/reason-codes";
const clientBase = "/api/organizations/:orgId/clients/:clientId";
const Formula = ScoreFormulaBody.extend({ version: z.number().int() });

export const pulseRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    reasons,
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: ReasonCodeList } } },
    async (req) => pulses.listReasonCodes(ctx, req.params.orgId),
  );
  app.post(
    reasons,
    {
      config: { access: "org:admin" },
      schema: { tags, params: OrgParams, body: CreateReasonCodeBody, response: { 201: ReasonCode } },
    },
    async (req, reply) => reply.status(201).send(await pulses.createReasonCode(ctx, req.params.orgId, req.body)),
  );
  app.patch(
    `${reasons}/:reasonCodeId`,
    {
      config: { access: "org:admin" },
      schema: { tags, params: ReasonCodeParams, body: UpdateReasonCodeBody, response: { 200: ReasonCode } },
    },
    async (req) => pulses.updateReasonCode(ctx, req.params.orgId, req.params.reasonCodeId, req.body),
  );
  app.delete(
    `${reasons}/:reasonCodeId`,
    {
      config: { access: "org:admin" },
      schema: {
        tags,
        params: ReasonCodeParams,
        response: { 200: z.object({ result: z.enum(["deleted", "retired"]) }) },
      },
    },
    async (req) => ({ result: await pulses.removeReasonCode(ctx, req.params.orgId, req.params.reasonCodeId) }),
  );
  app.get(
    `${clientBase}/pulses`,
    { config: { access: "org:member" }, schema: { tags, params: ClientParams, response: { 200: PulseHistory } } },
    async (req) => pulses.pulseHistory(ctx, req.params.orgId, req.params.clientId),
  );
  app.post(
    `${clientBase}/pulses`,
    {
      config: { access: "org:member" },
      schema: { tags, params: ClientParams, body: SetPulseBody, response: { 201: PulseEntry } },
    },
    async (req, reply) => {
      const { orgId, clientId } = req.params;
      const id = await pulses.recordPulse(ctx, actorOf(req), orgId, clientId, req.body);
      return reply.status(201).send(await pulses.getPulseEntry(ctx, orgId, clientId, id));
    },
  );
  app.get(
    `${clientBase}/success-score`,
    { config: { access: "org:member" }, schema: { tags, params: ClientParams, response: { 200: SuccessScoreView } } },
    async (req) => pulses.successScoreView(ctx, req.params.orgId, req.params.clientId),
  );
  app.get(
    `${clientBase}/success-score/compare`,
    {
      config: { access: "org:member" },
      schema: { tags, params: ClientParams, querystring: FormulaComparisonQuery, response: { 200: FormulaComparison } },
    },
    async (req) =>
      pulses.compareFormulas(ctx, req.params.orgId, req.params.clientId, req.query.versions, req.query.days),
  );
  app.get(
    "/api/organizations/:orgId/success-score/formula",
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: Formula } } },
    async (req) => pulses.getFormula(ctx, req.params.orgId),
  );
  app.put(
    "/api/organizations/:orgId/success-score/formula",
    {
      config: { access: "org:admin" },
      schema: { tags, params: OrgParams, body: ScoreFormulaBody, response: { 200: Formula } },
    },
    async (req) => pulses.saveFormula(ctx, actorOf(req), req.params.orgId, req.body),
  );
};
