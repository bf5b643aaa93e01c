import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import {
  Client,
  ClientHistory,
  ClientList,
  ClientListQuery,
  ClientParams,
  CreateClientBody,
  UpdateClientBody,
} from "./contract.js";
import * as clients from "./service.js";

const tags = ["clients"];
const base = "/api/organizations/:orgId/clients";

export const clientRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    base,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, querystring: ClientListQuery, response: { 200: ClientList } },
    },
    async (req) => clients.listClients(ctx, req.params.orgId, req.query),
  );
  app.post(
    base,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, body: CreateClientBody, response: { 201: Client } },
    },
    async (req, reply) => reply.status(201).send(await clients.createClient(ctx, req.params.orgId, req.body)),
  );
  app.get(
    `${base}/:clientId`,
    { config: { access: "org:member" }, schema: { tags, params: ClientParams, response: { 200: Client } } },
    async (req) => clients.getClient(ctx, req.params.orgId, req.params.clientId),
  );
  app.patch(
    `${base}/:clientId`,
    {
      config: { access: "org:member" },
      schema: { tags, params: ClientParams, body: UpdateClientBody, response: { 200: Client } },
    },
    async (req) => clients.updateClient(ctx, req.params.orgId, req.params.clientId, req.body),
  );
  app.post(
    `${base}/:clientId/archive`,
    { config: { access: "org:manager" }, schema: { tags, params: ClientParams, response: { 200: Client } } },
    async (req) => clients.setArchived(ctx, req.params.orgId, req.params.clientId, true),
  );
  app.post(
    `${base}/:clientId/unarchive`,
    { config: { access: "org:manager" }, schema: { tags, params: ClientParams, response: { 200: Client } } },
    async (req) => clients.setArchived(ctx, req.params.orgId, req.params.clientId, false),
  );
  app.get(
    `${base}/:clientId/history`,
    { config: { access: "org:member" }, schema: { tags, params: ClientParams, response: { 200: ClientHistory } } },
    async (req) => clients.clientHistory(ctx, req.params.orgId, req.params.clientId),
  );
};
