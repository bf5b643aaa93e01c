import { z } from "zod";
import { instant } from "../../../../kernel/calendar-date.js";
import { storableText, Text } from "../../../../kernel/text.js";
import { EVENT_KINDS, REGISTRATION_STATUSES } from "./schema.js";

/**
 * Component 3, Live Events Calendar: `GET /api/academy/cpd/events`, `POST|DELETE .../events/:eventId/registration`,
 * `GET .../events/:eventId/event.ics`; staff publish, change, cancel and mark attendance under /api/admin.
 */
export const EventKind = z.enum(EVENT_KINDS);
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);

const text = (max: number) => Text.trim().min(1, "is required").max(max);
const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const EventParams = z.object({ eventId: z.uuid() });

const EventFields = z.object({
  title: text(200),
  heading: text(100),
  host: text(100),
  kind: EventKind,
  startsAt: instant(),
  endsAt: instant(),
  timeZone: text(64).refine(isZone, "must be an IANA time zone"),
  joinUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .check(storableText),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  description: Text.trim().max(5000),
});

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || new Date(v.endsAt).getTime() > new Date(v.startsAt).getTime();

export const EventBody = EventFields.refine(endsAfterStart, { path: ["endsAt"], message: "must be after the start" });
export type EventBody = z.infer<typeof EventBody>;

export const EventPatch = EventFields.partial().refine(endsAfterStart, {
  path: ["endsAt"],
  message: "must be after the start",
});
export type EventPatch = z.infer<typeof EventPatch>;

export const EventsQuery = z.object({
  /** YYYY-MM: the events starting in that month (UTC), for the month view. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")
    .optional(),
  heading: z.string().trim().max(100).optional(),
});

export const EventView = z.object({
  id: z.uuid(),
  uid: z.string(),
  sequence: z.number().int(),
  title: z.string(),
  heading: z.string(),
  host: z.string(),
  kind: EventKind,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  joinUrl: z.string(),
  capacity: z.number().int().nullable(),
  description: z.string(),
  minutes: z.number().int(),
  cancelled: z.boolean(),
  registeredCount: z.number().int(),
  waitlistCount: z.number().int(),
  /** The caller's registration, if any (cancelled ones too). */
  myStatus: RegistrationStatus.nullable(),
  attended: z.boolean(),
});
export type EventView = z.infer<typeof EventView>;

export const EventsResponse = z.object({
  headings: z.array(z.object({ heading: z.string(), events: z.array(EventView) })),
});

export const AttendanceBody = z.object({ userIds: z.array(z.uuid()).min(1).max(1000) });
export const AttendanceResult = z.object({
  marked: z.number().int(),
  recorded: z.number().int(),
  notRegistered: z.array(z.uuid()),
});
