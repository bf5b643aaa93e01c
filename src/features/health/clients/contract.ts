import { z } from "zod";
import { CalendarDate } from "../../../kernel/calendar-date.js";
import { Text } from "../../../kernel/text.js";
import { CLIENT_STATUSES } from "./client-status.js";

export const ClientStatus = z.enum(CLIENT_STATUSES);
const IsoDate = CalendarDate;
const Minor = z.number().int("must be a whole number of cents").min(0, "cannot be negative").max(1e15, "is too large");

export const ClientContact = z.object({
  name: Text.trim().min(1, "is required").max(120),
  email: z.email("must be a valid email address").optional(),
  title: Text.max(120).optional(),
  phone: Text.max(40).optional(),
  primary: z.boolean().optional(),
});

/** Every editable client field, without defaults (an update changes only what it names). */
const ClientFieldShapes = z.object({
  name: Text.trim().min(1, "is required").max(200, "must be at most 200 characters"),
  externalId: Text.trim().min(1).max(120).nullable(),
  clientType: Text.trim().max(60),
  assignedCsmId: z.uuid("is not a valid user id").nullable(),
  status: ClientStatus,
  arrMinor: Minor,
  mrrMinor: Minor,
  acvMinor: Minor,
  currency: Text.regex(/^[A-Z]{3}$/, "must be a 3-letter currency code"),
  nextRenewalDate: IsoDate.nullable(),
  clientSince: IsoDate.nullable(),
  contacts: z.array(ClientContact).max(50),
  tags: z.array(Text.trim().min(1).max(40)).max(30),
});
const s = ClientFieldShapes.shape;

/** A new client: what it leaves out takes these defaults. */
export const ClientFields = z.object({
  name: s.name,
  externalId: s.externalId.optional(),
  clientType: s.clientType.default(""),
  assignedCsmId: s.assignedCsmId.default(null),
  status: s.status.default("active"),
  arrMinor: s.arrMinor.default(0),
  mrrMinor: s.mrrMinor.default(0),
  acvMinor: s.acvMinor.default(0),
  currency: s.currency.default("USD"),
  nextRenewalDate: s.nextRenewalDate.default(null),
  clientSince: s.clientSince.default(null),
  contacts: s.contacts.default([]),
  tags: s.tags.default([]),
});
export const CreateClientBody = ClientFields.extend({
  /** The date changes to type/CSM/status/ARR take effect (default today); lets history be back-filled. */
  effectiveDate: IsoDate.optional(),
});
export type CreateClientBody = z.input<typeof CreateClientBody>;
export const UpdateClientBody = ClientFieldShapes.partial().extend({ effectiveDate: IsoDate.optional() });
export type UpdateClientBody = z.input<typeof UpdateClientBody>;

export const PulseSummary = z.object({
  level: z.string(),
  rank: z.number().int(),
  effectiveAt: z.iso.datetime(),
  stale: z.boolean(),
});

export const Client = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  clientType: z.string(),
  assignedCsmId: z.uuid().nullable(),
  assignedCsmName: z.string().nullable(),
  status: ClientStatus,
  arrMinor: z.number(),
  mrrMinor: z.number(),
  acvMinor: z.number(),
  currency: z.string(),
  nextRenewalDate: z.string().nullable(),
  clientSince: z.string().nullable(),
  contacts: z.array(ClientContact),
  tags: z.array(z.string()),
  pulse: PulseSummary.nullable(),
  archived: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Client = z.infer<typeof Client>;

/** Sortable columns; "-" first for descending. Type and CSM put the empty ones last; status sorts in lifecycle order. */
export const CLIENT_SORT_FIELDS = ["name", "type", "csm", "status", "arr", "renewal", "pulse"] as const;
export type ClientSortField = (typeof CLIENT_SORT_FIELDS)[number];
export const CLIENT_SORTS = CLIENT_SORT_FIELDS.flatMap((f) => [f, `-${f}`] as const);
export type ClientSort = (typeof CLIENT_SORTS)[number];

export const ClientListQuery = z.object({
  q: Text.max(200).optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(CLIENT_SORTS).default("name"),
});
export const ClientList = z.object({ clients: z.array(Client), total: z.number().int() });
export type ClientList = z.infer<typeof ClientList>;

export const ClientParams = z.object({ orgId: z.uuid(), clientId: z.uuid("is not a valid client id") });

export const ClientVersion = z.object({
  validFrom: z.string(),
  clientType: z.string(),
  assignedCsmId: z.uuid().nullable(),
  status: ClientStatus,
  arrMinor: z.number(),
  mrrMinor: z.number(),
  acvMinor: z.number(),
  recordedAt: z.iso.datetime(),
});
export const ClientHistory = z.object({ versions: z.array(ClientVersion) });
