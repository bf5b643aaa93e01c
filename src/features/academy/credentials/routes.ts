import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import {
  AdminCredentialList,
  AdminCredentialQuery,
  AwardBody,
  CredentialParams,
  CredentialSummary,
  EvidencePage,
  MyCredentialList,
  ReinstateBody,
  RevokeBody,
  StatusListParams,
  UpdateMyCredentialBody,
  VerifyBody,
  VerifyResult,
} from "./contract.js";
import { evidenceHtml } from "./evidence-html.js";
import { ISSUER_NAME, issuerProfile } from "./open-badge.js";
import * as credentials from "./service.js";

const tags = ["credentials"];

/** Credentials: verification and evidence (public), the holder's list and downloads, admin revocation and reinstatement. */
export const credentialRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; webDist: string }> = async (
  app,
  { ctx, webDist },
) => {
  app.get(
    "/.well-known/jwks.json",
    { config: { access: "public" }, schema: { tags, summary: "The issuer's public signing keys (JWK Set)" } },
    async (_req, reply) => reply.header("cache-control", "public, max-age=300").send(await credentials.publicJwks(ctx)),
  );
  app.get(
    "/api/credentials/issuer",
    { config: { access: "public" }, schema: { tags, summary: "The issuer's Open Badges Profile" } },
    async () => issuerProfile(ctx),
  );
  app.get(
    "/api/credentials/status-lists/:list",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A revocation status list (BitstringStatusListCredential, VC-JWT)",
        params: StatusListParams,
      },
    },
    async (req, reply) => {
      const jwt = await credentials.statusListJwt(ctx, req.params.list);
      if (!jwt) throw new AppError("not_found", "There is no such status list.");
      return reply.header("cache-control", "no-cache").type("application/vc+jwt").send(jwt);
    },
  );
  app.post(
    "/api/credentials/verify",
    {
      config: { access: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: { tags, summary: "Verify a credential (VC-JWT)", body: VerifyBody, response: { 200: VerifyResult } },
    },
    async (req) => credentials.verifyCredential(ctx, req.body),
  );
  app.get(
    "/api/credentials/:credentialId",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A credential's public evidence page",
        params: CredentialParams,
        response: { 200: EvidencePage },
      },
    },
    async (req) => credentials.evidencePage(ctx, req.actor, req.params.credentialId),
  );

  app.get(
    "/api/me/credentials",
    { config: { access: "user" }, schema: { tags, response: { 200: MyCredentialList } } },
    async (req) => credentials.listMyCredentials(ctx, actorOf(req)),
  );
  app.patch(
    "/api/me/credentials/:credentialId",
    {
      config: { access: "user" },
      schema: { tags, params: CredentialParams, body: UpdateMyCredentialBody, response: { 200: CredentialSummary } },
    },
    async (req) => credentials.updateMyCredential(ctx, actorOf(req), req.params.credentialId, req.body),
  );
  app.get(
    "/api/me/credentials/:credentialId/certificate.pdf",
    { config: { access: "user" }, schema: { tags, summary: "The PDF certificate", params: CredentialParams } },
    async (req, reply) => {
      const { pdf, fileName } = await credentials.certificatePdf(ctx, actorOf(req), req.params.credentialId);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(pdf);
    },
  );
  app.get(
    "/api/me/credentials/:credentialId/credential.json",
    {
      config: { access: "user" },
      schema: { tags, summary: "The signed credential (EnvelopedVerifiableCredential JSON)", params: CredentialParams },
    },
    async (req, reply) => {
      const { body, fileName } = await credentials.credentialDownload(ctx, actorOf(req), req.params.credentialId);
      return reply
        .type("application/json")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(JSON.stringify(body, null, 2));
    },
  );

  app.get(
    "/api/admin/credentials",
    {
      config: { access: "platform_admin" },
      schema: { tags: ["admin", ...tags], querystring: AdminCredentialQuery, response: { 200: AdminCredentialList } },
    },
    async (req) => credentials.listCredentialsForAdmin(ctx, req.query),
  );
  app.post(
    "/api/admin/credentials/award",
    {
      config: { access: "platform_admin" },
      schema: {
        tags: ["admin", ...tags],
        summary: "Award the credential of a module or level to a learner (idempotent)",
        body: AwardBody,
        response: { 200: CredentialSummary },
      },
    },
    async (req) => credentials.awardCredential(ctx, actorOf(req), req.body),
  );
  app.post(
    "/api/admin/credentials/:credentialId/revoke",
    {
      config: { access: "platform_admin" },
      schema: {
        tags: ["admin", ...tags],
        params: CredentialParams,
        body: RevokeBody,
        response: { 200: CredentialSummary },
      },
    },
    async (req) => credentials.revokeCredential(ctx, actorOf(req), req.params.credentialId, req.body),
  );
  app.post(
    "/api/admin/credentials/:credentialId/reinstate",
    {
      config: { access: "platform_admin" },
      schema: {
        tags: ["admin", ...tags],
        summary: "Lift a revocation with a reason: the same signed credential verifies again",
        params: CredentialParams,
        body: ReinstateBody,
        response: { 200: CredentialSummary },
      },
    },
    async (req) => credentials.reinstateCredential(ctx, actorOf(req), req.params.credentialId, req.body),
  );

  // The evidence page itself (the SPA), with Open Graph tags filled in on the server for link previews.
  const indexPath = join(webDist, "index.html");
  app.get(
    "/evidence/:credentialId",
    { config: { access: "public" }, schema: { hide: true, params: z.object({ credentialId: z.string() }) } },
    async (req, reply) => {
      const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, "utf8") : null;
      const id = req.params.credentialId;
      const facts = z.uuid().safeParse(id).success ? await credentials.publicCredentialFacts(ctx, id) : null;
      const og = facts
        ? {
            title: `${facts.title}: ${facts.holderName}`,
            description: `${facts.holderName} earned ${facts.title} (${facts.programTitle}) from ${ISSUER_NAME}. Status: ${facts.status}.`,
            url: facts.evidenceUrl,
            siteName: ISSUER_NAME,
          }
        : null;
      return reply
        .status(facts ? 200 : 404)
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(evidenceHtml(indexHtml, og));
    },
  );
};
