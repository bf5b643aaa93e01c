import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf, clientInfo } from "../../../platform/http/client-info.js";
import { clearSessionCookie, setSessionCookie } from "../../../platform/http/session-cookie.js";
import {
  Accepted,
  ChangePasswordBody,
  LoginBody,
  MeResponse,
  PasswordResetBody,
  PasswordResetConfirmBody,
  SessionList,
  SessionParams,
  SessionResponse,
  SetActiveOrganizationBody,
  SignupBody,
  TokenBody,
  UpdateProfileBody,
} from "./contract.js";
import * as identity from "./service.js";

export type IdentityRouteOptions = { ctx: AppContext; loginPerIpPerMinute: number; secureCookies: boolean };

const tags = ["auth"];

export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteOptions> = async (app, { ctx, ...opts }) => {
  const mailLimit = { max: Math.max(10, Math.ceil(opts.loginPerIpPerMinute / 3)), timeWindow: "1 minute" };

  app.post(
    "/api/auth/signup",
    {
      config: { access: "public", rateLimit: mailLimit },
      schema: { tags, body: SignupBody, response: { 201: Accepted } },
    },
    async (req, reply) => reply.status(201).send(await identity.signup(ctx, req.body)),
  );
  app.post(
    "/api/auth/confirm-email",
    { config: { access: "public" }, schema: { tags, body: TokenBody, response: { 200: Accepted } } },
    async (req) => identity.confirmEmail(ctx, req.body.token),
  );
  app.post(
    "/api/auth/resend-confirmation",
    {
      config: { access: "public", rateLimit: mailLimit },
      schema: { tags, body: PasswordResetBody, response: { 202: Accepted } },
    },
    async (req, reply) => reply.status(202).send(await identity.resendConfirmation(ctx, req.body.email)),
  );
  app.post(
    "/api/auth/login",
    {
      config: { access: "public", rateLimit: { max: opts.loginPerIpPerMinute, timeWindow: "1 minute" } },
      schema: { tags, body: LoginBody, response: { 200: MeResponse } },
    },
    async (req, reply) => {
      const session = await identity.login(ctx, req.body, clientInfo(req));
      setSessionCookie(reply, session.token, session.expiresAt, opts.secureCookies);
      return identity.getMe(ctx.database.db, session.userId, null);
    },
  );
  app.post(
    "/api/auth/logout",
    { config: { access: "public" }, schema: { tags, response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.actor) await identity.logout(ctx, req.actor);
      clearSessionCookie(reply, opts.secureCookies);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/auth/password-reset",
    {
      config: { access: "public", rateLimit: mailLimit },
      schema: { tags, body: PasswordResetBody, response: { 202: Accepted } },
    },
    async (req, reply) => reply.status(202).send(await identity.requestPasswordReset(ctx, req.body.email)),
  );
  app.post(
    "/api/auth/password-reset/confirm",
    {
      config: { access: "public", rateLimit: mailLimit },
      schema: { tags, body: PasswordResetConfirmBody, response: { 200: Accepted } },
    },
    async (req) => identity.confirmPasswordReset(ctx, req.body),
  );

  app.get(
    "/api/auth/session",
    { config: { access: "public" }, schema: { tags, response: { 200: SessionResponse } } },
    async (req) => ({ me: req.actor ? await identity.meOf(ctx.database.db, req.actor) : null }),
  );

  const me = ["me"];
  app.get("/api/me", { config: { access: "user" }, schema: { tags: me, response: { 200: MeResponse } } }, async (req) =>
    identity.meOf(ctx.database.db, actorOf(req)),
  );
  app.patch(
    "/api/me",
    { config: { access: "user" }, schema: { tags: me, body: UpdateProfileBody, response: { 200: MeResponse } } },
    async (req) => identity.updateProfile(ctx, actorOf(req), req.body),
  );
  app.post(
    "/api/me/password",
    { config: { access: "user" }, schema: { tags: me, body: ChangePasswordBody, response: { 200: Accepted } } },
    async (req) => identity.changePassword(ctx, actorOf(req), req.body),
  );
  app.get(
    "/api/me/sessions",
    { config: { access: "user" }, schema: { tags: me, response: { 200: SessionList } } },
    async (req) => identity.listSessions(ctx, actorOf(req)),
  );
  app.delete(
    "/api/me/sessions/:sessionId",
    { config: { access: "user" }, schema: { tags: me, params: SessionParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await identity.revokeMySession(ctx, actorOf(req), req.params.sessionId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/me/active-organization",
    {
      config: { access: "user" },
      schema: { tags: me, body: SetActiveOrganizationBody, response: { 200: MeResponse } },
    },
    async (req) => identity.setActiveOrganization(ctx, actorOf(req), req.body.organizationId),
  );
};
