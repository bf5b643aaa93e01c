import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import { EVIDENCE_MAX_BYTES, SelfCertBody, SelfCertList, SelfCertView } from "./contract.js";
import { mySelfCertifications, submitSelfCertification } from "./service.js";

const tags = ["academy-cpd"];
/** Base64 grows a file by 4/3; the rest of the form is small. */
export const EVIDENCE_BODY_LIMIT = Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024;

/** Component 5: CPD Self Certification (learners). */
export const selfCertRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    "/api/academy/cpd/self-certifications",
    {
      config: { access: "user" },
      bodyLimit: EVIDENCE_BODY_LIMIT,
      schema: {
        tags,
        summary: "Log external learning: the hours count at once; optional evidence (PDF or image, base64, 2 MB)",
        body: SelfCertBody,
        response: { 201: SelfCertView },
      },
    },
    async (req, reply) => reply.status(201).send(await submitSelfCertification(ctx, actorOf(req), req.body)),
  );
  app.get(
    "/api/academy/cpd/self-certifications",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The learner's self-certifications with their audit status",
        response: { 200: SelfCertList },
      },
    },
    async (req) => mySelfCertifications(ctx, actorOf(req)),
  );
};
