import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import { MeResponse } from "../identity/contract.js";
import { getMe } from "../identity/service.js";
import {
  AcceptInvitationBody,
  ChangeRoleBody,
  CreateOrganizationBody,
  Invitation,
  InvitationList,
  InvitationParams,
  InvitationPreview,
  InvitationTokenParams,
  InviteBody,
  Member,
  MemberList,
  MemberParams,
  Organization,
  OrgParams,
  SetManagerBody,
  UpdateOrganizationBody,
} from "./contract.js";
import * as orgs from "./service.js";

const tags = ["organizations"];

export const organizationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    "/api/organizations",
    { config: { access: "user" }, schema: { tags, body: CreateOrganizationBody, response: { 201: Organization } } },
    async (req, reply) => reply.status(201).send(await orgs.createOrganization(ctx, actorOf(req), req.body.name)),
  );
  app.get(
    "/api/organizations/:orgId",
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: Organization } } },
    async (req) => orgs.getOrganization(ctx, actorOf(req), req.params.orgId),
  );
  app.patch(
    "/api/organizations/:orgId",
    {
      config: { access: "org:admin" },
      schema: { tags, params: OrgParams, body: UpdateOrganizationBody, response: { 200: Organization } },
    },
    async (req) => orgs.renameOrganization(ctx, actorOf(req), req.params.orgId, req.body.name),
  );
  app.get(
    "/api/organizations/:orgId/members",
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: MemberList } } },
    async (req) => orgs.listMembers(ctx, req.params.orgId),
  );
  app.patch(
    "/api/organizations/:orgId/members/:userId",
    {
      config: { access: "org:admin" },
      schema: { tags, params: MemberParams, body: ChangeRoleBody, response: { 200: Member } },
    },
    async (req) => orgs.changeMemberRole(ctx, actorOf(req), req.params.orgId, req.params.userId, req.body.role),
  );
  app.put(
    "/api/organizations/:orgId/members/:userId/manager",
    {
      config: { access: "org:admin" },
      schema: { tags, params: MemberParams, body: SetManagerBody, response: { 200: Member } },
    },
    async (req) => orgs.setManager(ctx, req.params.orgId, req.params.userId, req.body.managerUserId),
  );
  app.delete(
    "/api/organizations/:orgId/members/:userId",
    { config: { access: "org:member" }, schema: { tags, params: MemberParams, response: { 204: z.null() } } },
    async (req, reply) => {
      // Members may remove themselves (leave); removing others is checked by the role rules.
      await orgs.removeMember(ctx, actorOf(req), req.params.orgId, req.params.userId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/organizations/:orgId/invitations",
    { config: { access: "org:admin" }, schema: { tags, params: OrgParams, response: { 200: InvitationList } } },
    async (req) => orgs.listInvitations(ctx, req.params.orgId),
  );
  app.post(
    "/api/organizations/:orgId/invitations",
    {
      config: { access: "org:admin" },
      schema: { tags, params: OrgParams, body: InviteBody, response: { 201: Invitation } },
    },
    async (req, reply) =>
      reply.status(201).send(await orgs.inviteMember(ctx, actorOf(req), req.params.orgId, req.body)),
  );
  app.delete(
    "/api/organizations/:orgId/invitations/:invitationId",
    { config: { access: "org:admin" }, schema: { tags, params: InvitationParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await orgs.revokeInvitation(ctx, req.params.orgId, req.params.invitationId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/invitations/:token",
    {
      config: { access: "public" },
      schema: { tags, params: InvitationTokenParams, response: { 200: InvitationPreview } },
    },
    async (req) => orgs.previewInvitation(ctx, req.params.token),
  );
  app.post(
    "/api/invitations/accept",
    { config: { access: "user" }, schema: { tags, body: AcceptInvitationBody, response: { 200: MeResponse } } },
    async (req) => {
      const actor = actorOf(req);
      const orgId = await orgs.acceptInvitation(ctx, actor, req.body.token);
      return getMe(ctx.database.db, actor.userId, orgId);
    },
  );
};
