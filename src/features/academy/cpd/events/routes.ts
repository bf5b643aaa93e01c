import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import {
  AttendanceBody,
  AttendanceResult,
  EventBody,
  EventParams,
  EventPatch,
  EventsQuery,
  EventsResponse,
  EventView,
} from "./contract.js";
import {
  cancelEvent,
  cancelRegistration,
  createEvent,
  eventIcs,
  listEvents,
  markAttendance,
  register,
  updateEvent,
} from "./service.js";

const tags = ["academy-cpd"];
const admin = "/api/admin/academy/cpd/events";

/** Component 3: Live Events Calendar (learners browse and register; staff publish and mark attendance). */
export const cpdEventRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/academy/cpd/events",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Live events by heading (upcoming, or one month's) with the caller's registration",
        querystring: EventsQuery,
        response: { 200: EventsResponse },
      },
    },
    async (req) => listEvents(ctx, actorOf(req), req.query),
  );
  app.post(
    "/api/academy/cpd/events/:eventId/registration",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Register for an event (the waiting list when it is full)",
        params: EventParams,
        response: { 200: EventView },
      },
    },
    async (req) => register(ctx, actorOf(req), req.params.eventId),
  );
  app.delete(
    "/api/academy/cpd/events/:eventId/registration",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Cancel a registration (the waiting list moves up)",
        params: EventParams,
        response: { 200: EventView },
      },
    },
    async (req) => cancelRegistration(ctx, actorOf(req), req.params.eventId),
  );
  app.get(
    "/api/academy/cpd/events/:eventId/event.ics",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The event as an iCalendar file (UID stable, SEQUENCE per change)",
        params: EventParams,
      },
    },
    async (req, reply) => {
      const { filename, body } = await eventIcs(ctx, actorOf(req), req.params.eventId);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(body);
    },
  );

  app.post(
    admin,
    {
      config: { access: "platform_admin" },
      schema: { tags, summary: "Publish a live event", body: EventBody, response: { 201: EventView } },
    },
    async (req, reply) => reply.status(201).send(await createEvent(ctx, actorOf(req), req.body)),
  );
  app.patch(
    `${admin}/:eventId`,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Change an event (SEQUENCE goes up, the UID stays)",
        params: EventParams,
        body: EventPatch,
        response: { 200: EventView },
      },
    },
    async (req) => updateEvent(ctx, req.params.eventId, req.body),
  );
  app.post(
    `${admin}/:eventId/cancellation`,
    {
      config: { access: "platform_admin" },
      schema: { tags, summary: "Cancel an event", params: EventParams, response: { 200: EventView } },
    },
    async (req) => cancelEvent(ctx, req.params.eventId),
  );
  app.post(
    `${admin}/:eventId/attendance`,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Mark attendance: each attendee's record gets the event's minutes once (Live learning or Workshops)",
        params: EventParams,
        body: AttendanceBody,
        response: { 200: AttendanceResult },
      },
    },
    async (req) => markAttendance(ctx, actorOf(req), req.params.eventId, req.body.userIds),
  );
};
