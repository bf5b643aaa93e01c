import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import {
  AssessmentList,
  AssessmentListQuery,
  AssessmentParams,
  AssessmentStatus,
  AttemptParams,
  AttemptView,
  PoolReport,
  PoolReportQuery,
  SaveAnswersBody,
  SavedAnswers,
  SubmitBody,
} from "./contract.js";
import * as assessments from "./service.js";

const tags = ["academy: assessments"];
const base = "/api/academy/assessments";
const attemptBase = "/api/academy/attempts/:attemptId";

export const assessmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    base,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Module tests and exams, with my attempts",
        querystring: AssessmentListQuery,
        response: { 200: AssessmentList },
      },
    },
    async (req) => assessments.listAssessmentsFor(ctx, actorOf(req), req.query),
  );
  app.get(
    `${base}/:assessmentId`,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "My status on a test or exam: attempts, best score, when the next attempt opens",
        params: AssessmentParams,
        response: { 200: AssessmentStatus },
      },
    },
    async (req) => assessments.assessmentStatus(ctx, actorOf(req), req.params.assessmentId),
  );
  app.post(
    `${base}/:assessmentId/attempts`,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Start an attempt (or resume the running one: 200)",
        params: AssessmentParams,
        response: { 200: AttemptView, 201: AttemptView },
      },
    },
    async (req, reply) => {
      const { attempt, resumed } = await assessments.startAttempt(ctx, actorOf(req), req.params.assessmentId);
      return reply.status(resumed ? 200 : 201).send(attempt);
    },
  );
  app.get(
    `${base}/:assessmentId/retake.ics`,
    {
      config: { access: "user" },
      schema: { tags, summary: "The reopening time of my next attempt as a calendar file", params: AssessmentParams },
    },
    async (req, reply) => {
      const { filename, body } = await assessments.retakeCalendar(ctx, actorOf(req), req.params.assessmentId);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(body);
    },
  );
  app.get(
    attemptBase,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "My attempt: questions and saved answers; the result and review once submitted",
        params: AttemptParams,
        response: { 200: AttemptView },
      },
    },
    async (req) => assessments.getAttempt(ctx, actorOf(req), req.params.attemptId),
  );
  app.put(
    `${attemptBase}/answers`,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Autosave answers (merged; an empty list clears one); 409 attempt_closed after the deadline",
        params: AttemptParams,
        body: SaveAnswersBody,
        response: { 200: SavedAnswers },
      },
    },
    async (req) => assessments.saveAnswers(ctx, actorOf(req), req.params.attemptId, req.body),
  );
  app.post(
    `${attemptBase}/submit`,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Submit and grade",
        params: AttemptParams,
        body: SubmitBody,
        response: { 200: AttemptView },
      },
    },
    async (req) => assessments.submitAttempt(ctx, actorOf(req), req.params.attemptId, req.body ?? {}),
  );
  app.get(
    "/api/admin/academy/assessment-pools",
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Pools too small for the blueprint times the attempts a candidate may need",
        querystring: PoolReportQuery,
        response: { 200: PoolReport },
      },
    },
    async (req) => assessments.poolReport(ctx, req.query),
  );
};
