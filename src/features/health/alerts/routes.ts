import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import { OrgParams } from "../../accounts/organizations/contract.js";
import {
  Alert,
  AlertList,
  AlertListQuery,
  AlertParams,
  AlertSettings,
  AlertSettingsBody,
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  NotificationPreferences,
} from "./contract.js";
import * as alerts from "./service.js";

const tags = ["alerts"];
const org = "/api/organizations/:orgId";

export const alertRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    `${org}/alerts`,
    {
      config: { access: "org:manager" },
      schema: { tags, params: OrgParams, querystring: AlertListQuery, response: { 200: AlertList } },
    },
    async (req) => alerts.listAlerts(ctx, req.params.orgId, req.query),
  );
  app.post(
    `${org}/alerts/:alertId/claim`,
    { config: { access: "org:member" }, schema: { tags, params: AlertParams, response: { 200: Alert } } },
    async (req) => alerts.claimAlert(ctx, actorOf(req), req.params.orgId, req.params.alertId),
  );

  app.get(
    `${org}/notifications`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, querystring: NotificationListQuery, response: { 200: NotificationList } },
    },
    async (req) => alerts.listMyNotifications(ctx, actorOf(req), req.params.orgId, req.query),
  );
  app.post(
    `${org}/notifications/read-all`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, response: { 200: z.object({ updated: z.number().int() }) } },
    },
    async (req) => alerts.markAllNotificationsRead(ctx, actorOf(req), req.params.orgId),
  );
  app.post(
    `${org}/notifications/:notificationId/read`,
    { config: { access: "org:member" }, schema: { tags, params: NotificationParams, response: { 200: Notification } } },
    async (req) => alerts.markNotificationRead(ctx, actorOf(req), req.params.orgId, req.params.notificationId),
  );
  app.get(
    `${org}/notification-preferences`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, response: { 200: NotificationPreferences } },
    },
    async (req) => alerts.getMyPreferences(ctx, actorOf(req), req.params.orgId),
  );
  app.put(
    `${org}/notification-preferences`,
    {
      config: { access: "org:member" },
      schema: { tags, params: OrgParams, body: NotificationPreferences, response: { 200: NotificationPreferences } },
    },
    async (req) => alerts.saveMyPreferences(ctx, actorOf(req), req.params.orgId, req.body),
  );

  app.get(
    `${org}/health-settings`,
    { config: { access: "org:member" }, schema: { tags, params: OrgParams, response: { 200: AlertSettings } } },
    async (req) => alerts.getAlertSettings(ctx, actorOf(req), req.params.orgId),
  );
  app.put(
    `${org}/health-settings`,
    {
      config: { access: "org:admin" },
      schema: { tags, params: OrgParams, body: AlertSettingsBody, response: { 200: AlertSettings } },
    },
    async (req) => alerts.saveAlertSettings(ctx, actorOf(req), req.params.orgId, req.body),
  );
};
