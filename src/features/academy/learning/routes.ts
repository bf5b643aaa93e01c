import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import {
  ContinueQuery,
  ContinueView,
  LessonParams,
  LessonView,
  LevelParams,
  ModuleParams,
  ProgramParams,
  ProgressView,
  StatementsBody,
  StatementsResponse,
} from "./contract.js";
import * as learning from "./service.js";

const tags = ["academy-learning"];

/** The lesson player and learners' own progress; every read and write checks the level's plan lock. */
export const learningRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/academy/lessons/:lessonId",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "A lesson with its items, the learner's progress in it and what is still missing",
        params: LessonParams,
        response: { 200: LessonView },
      },
    },
    async (req) => learning.getLesson(ctx, actorOf(req), req.params.lessonId),
  );
  app.post(
    "/api/academy/statements",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Record the player's learning statements (played segments, answers, opened items)",
        body: StatementsBody,
        response: { 200: StatementsResponse },
      },
    },
    async (req) => learning.recordStatements(ctx, actorOf(req), req.body),
  );
  app.get(
    "/api/academy/progress/modules/:moduleId",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The learner's progress in a module",
        params: ModuleParams,
        response: { 200: ProgressView },
      },
    },
    async (req) => learning.moduleProgress(ctx, actorOf(req), req.params.moduleId),
  );
  app.get(
    "/api/academy/progress/levels/:levelId",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The learner's progress in a level",
        params: LevelParams,
        response: { 200: ProgressView },
      },
    },
    async (req) => learning.levelProgress(ctx, actorOf(req), req.params.levelId),
  );
  app.get(
    "/api/academy/progress/programs/:programId",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The learner's progress in a program (locked levels listed as such)",
        params: ProgramParams,
        response: { 200: ProgressView },
      },
    },
    async (req) => learning.programProgress(ctx, actorOf(req), req.params.programId),
  );
  app.get(
    "/api/academy/progress/continue",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Continue where I left off: the lesson to open next",
        querystring: ContinueQuery,
        response: { 200: ContinueView },
      },
    },
    async (req) => learning.continueLearning(ctx, actorOf(req), req.query.programId),
  );
};
