import { z } from "zod";
import { CalendarDate } from "../../../kernel/calendar-date.js";
import { orderedRanges } from "../../../kernel/ordered-range.js";
import { Text } from "../../../kernel/text.js";
import { CLIENT_STATUSES } from "../clients/client-status.js";
import { PULSE_LEVELS } from "../pulses/pulse-levels.js";

const IsoDate = CalendarDate;
const Minor = z.number().int("must be a whole number of cents").min(0, "cannot be negative").max(1e15, "is too large");
const Days = z.number().int("must be a whole number of days").min(0, "cannot be negative").max(3650, "is too large");
const Score = z.number().int().min(0, "must be 0-100").max(100, "must be 0-100");

export const RENEWAL_QUARTERS = ["this_quarter", "next_quarter", "last_quarter", "Q1", "Q2", "Q3", "Q4"] as const;
/**
 * Usage trend, from the usage component of the client's latest SuccessScore (last 4 weeks against the
 * 8 before, 50 = flat): declining = down more than 10 %, growing = up more than 10 %, flat in between.
 */
export const USAGE_TRENDS = ["declining", "flat", "growing", "no_data"] as const;
export const ARCHIVED_MODES = ["exclude", "include", "only"] as const;
export const SEGMENT_LEVELS = [...PULSE_LEVELS, "none"] as const;

/**
 * A segment: every part is optional and narrows the clients (AND across parts); a list matches any of
 * its values (OR within a part). An empty filter is every client that is not archived.
 */
const SegmentFilterFields = z.object({
  /** Search in name, external id, client type and tags. */
  q: Text.trim().max(200).optional(),
  clientTypes: z.array(Text.max(60)).max(100).optional(),
  /** CSM user ids; "unassigned" for clients without one. */
  assignedTo: z
    .array(z.union([z.uuid(), z.literal("unassigned")]))
    .max(200)
    .optional(),
  statuses: z.array(z.enum(CLIENT_STATUSES)).optional(),
  /** Clients with any of these tags. */
  tags: z.array(Text.max(40)).max(100).optional(),
  clientSinceFrom: IsoDate.optional(),
  clientSinceTo: IsoDate.optional(),
  arrMin: Minor.optional(),
  arrMax: Minor.optional(),
  /** Current pulse levels; "none" for clients whose pulse was never set. */
  levels: z.array(z.enum(SEGMENT_LEVELS)).optional(),
  /** Reason codes of the current pulse. */
  reasonCodeIds: z.array(z.uuid()).max(100).optional(),
  /** The latest kept SuccessScore, inclusive; clients without a score do not match a range. */
  scoreMin: Score.optional(),
  scoreMax: Score.optional(),
  /** "Pulse not set in more than N days", which includes clients whose pulse was never set. */
  pulseNotSetDays: Days.optional(),
  renewalFrom: IsoDate.optional(),
  renewalTo: IsoDate.optional(),
  /** Renewing from today up to and including today + N days. */
  renewalWithinDays: Days.optional(),
  /** A fiscal quarter; a named quarter (Q1…Q4) is the next one that has not ended. */
  renewalQuarter: z.enum(RENEWAL_QUARTERS).optional(),
  usageTrends: z.array(z.enum(USAGE_TRENDS)).optional(),
  archived: z.enum(ARCHIVED_MODES).optional(),
});
export const SegmentFilter = SegmentFilterFields.check(
  orderedRanges<z.infer<typeof SegmentFilterFields>>([
    ["arrMin", "arrMax"],
    ["scoreMin", "scoreMax"],
    ["clientSinceFrom", "clientSinceTo"],
    ["renewalFrom", "renewalTo"],
  ]),
);
export type SegmentFilter = z.infer<typeof SegmentFilter>;

/** A query-string list: "a,b" or a repeated parameter. */
const queryList = z.union([Text, z.array(Text)]).transform((v) => {
  const items = Array.isArray(v) ? v : v.split(",");
  return items.map((s) => s.trim()).filter(Boolean);
});
const queryNumber = z.union([Text, z.number()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : Number(v.trim());
  if (typeof v === "string" && v.trim() === "") return undefined;
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: "must be a number" });
    return z.NEVER;
  }
  return n;
});

/** The filter as URL query parameters (lists comma-separated), so a view can be bookmarked and shared. */
const list = queryList.optional();
const num = queryNumber.optional();
const text = Text.optional();
export const SegmentFilterQuery = z
  .object({
    q: text,
    clientTypes: list,
    assignedTo: list,
    statuses: list,
    tags: list,
    clientSinceFrom: text,
    clientSinceTo: text,
    arrMin: num,
    arrMax: num,
    levels: list,
    reasonCodeIds: list,
    scoreMin: num,
    scoreMax: num,
    pulseNotSetDays: num,
    renewalFrom: text,
    renewalTo: text,
    renewalWithinDays: num,
    renewalQuarter: text,
    usageTrends: list,
    archived: text,
  })
  .transform(
    (raw): Record<string, unknown> =>
      Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== "")),
  )
  .pipe(SegmentFilter);
export type SegmentFilterQuery = z.input<typeof SegmentFilterQuery>;

/** The inverse of SegmentFilterQuery: only the parts that are set, lists joined with commas. */
export function segmentFilterToQuery(filter: SegmentFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return out;
}

export const SEGMENT_SORTS = [
  "name",
  "-name",
  "arr",
  "-arr",
  "renewal",
  "-renewal",
  "pulse",
  "-pulse",
  "score",
  "-score",
  "updated",
  "-updated",
] as const;
export const SegmentSort = z.enum(SEGMENT_SORTS);
export type SegmentSort = z.infer<typeof SegmentSort>;
const Paging = {
  sort: SegmentSort.default("name"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const PreviewBody = z.object({ filter: SegmentFilter.default({}), ...Paging });
export type PreviewBody = z.input<typeof PreviewBody>;
export const SegmentPageQuery = z.object(Paging);

export const SegmentClient = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  clientType: z.string(),
  status: z.enum(CLIENT_STATUSES),
  assignedCsmId: z.uuid().nullable(),
  assignedCsmName: z.string().nullable(),
  arrMinor: z.number(),
  mrrMinor: z.number(),
  acvMinor: z.number(),
  currency: z.string(),
  nextRenewalDate: z.string().nullable(),
  clientSince: z.string().nullable(),
  tags: z.array(z.string()),
  level: z.enum(PULSE_LEVELS).nullable(),
  pulseSetAt: z.iso.datetime().nullable(),
  successScore: z.number().nullable(),
  /** Usage trend as a percent change (last 4 weeks against the 8 before), null without data. */
  usageChangePercent: z.number().nullable(),
  archived: z.boolean(),
});
export type SegmentClient = z.infer<typeof SegmentClient>;

const Money = z.object({ arrMinor: z.number(), mrrMinor: z.number(), acvMinor: z.number() });
export const SegmentResult = z.object({
  count: z.number().int(),
  /** Sums over the clients in the organization's currency. */
  totals: Money.extend({ currency: z.string() }),
  /** Sums per currency, when clients are kept in more than one. */
  byCurrency: z.array(Money.extend({ currency: z.string(), count: z.number().int() })),
  /** The absolute dates the relative parts of the filter meant today. */
  resolved: z.object({
    renewalFrom: z.string().nullable(),
    renewalToExclusive: z.string().nullable(),
    pulseSetBefore: z.string().nullable(),
  }),
  clients: z.array(SegmentClient),
});
export type SegmentResult = z.infer<typeof SegmentResult>;

const SegmentName = Text.trim().min(1, "is required").max(120, "must be at most 120 characters");
export const CreateSegmentBody = z.object({
  name: SegmentName,
  shared: z.boolean().default(false),
  filter: SegmentFilter,
});
export type CreateSegmentBody = z.input<typeof CreateSegmentBody>;
export const UpdateSegmentBody = z.object({
  name: SegmentName.optional(),
  shared: z.boolean().optional(),
  filter: SegmentFilter.optional(),
});
export type UpdateSegmentBody = z.input<typeof UpdateSegmentBody>;

export const Segment = z.object({
  id: z.uuid(),
  name: z.string(),
  shared: z.boolean(),
  filter: SegmentFilter,
  ownerId: z.uuid(),
  ownerName: z.string(),
  mine: z.boolean(),
  /** The owner may edit; an admin may edit a shared segment too. */
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Segment = z.infer<typeof Segment>;
export const SegmentList = z.object({ segments: z.array(Segment) });
export type SegmentList = z.infer<typeof SegmentList>;
export const SegmentParams = z.object({ orgId: z.uuid(), segmentId: z.uuid("is not a valid segment id") });
