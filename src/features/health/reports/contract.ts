import { z } from "zod";
import { CalendarDate } from "../../../kernel/calendar-date.js";
import { orderedRanges } from "../../../kernel/ordered-range.js";
import { Text } from "../../../kernel/text.js";
import { CLIENT_STATUSES } from "../clients/client-status.js";
import { PULSE_LEVELS } from "../pulses/pulse-levels.js";

const IsoDate = CalendarDate;
/** Comma-separated lists keep filters short in the URL, so a view can be bookmarked and shared. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  Text.max(4000)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(item));

export const REPORT_MEASURES = ["count", "arr", "mrr", "acv"] as const;
export const ReportMeasure = z.enum(REPORT_MEASURES);

const ReportFilterFields = z.object({
  clientTypes: list(Text.max(60)).optional(),
  /** CSM user ids; "unassigned" for clients without one. */
  assignedTo: list(z.union([z.uuid(), z.literal("unassigned")])).optional(),
  statuses: list(z.enum(CLIENT_STATUSES)).optional(),
  clientSinceFrom: IsoDate.optional(),
  clientSinceTo: IsoDate.optional(),
  renewalFrom: IsoDate.optional(),
  renewalTo: IsoDate.optional(),
  /** When the current pulse was last set. */
  updatedFrom: IsoDate.optional(),
  updatedTo: IsoDate.optional(),
  /** Every client's pulse and fields as they were at the end of this day (UTC). */
  asOf: IsoDate.optional(),
  /** Pulse levels (the reasons report filters by them; the health report's list narrows to a slice). */
  levels: list(z.enum([...PULSE_LEVELS, "none"])).optional(),
  reasonCodeId: z.uuid().optional(),
  measure: ReportMeasure.default("count"),
  sort: z
    .enum(["name", "-name", "value", "-value", "renewal", "-renewal", "level", "-level", "updated", "-updated"])
    .default("level"),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ReportFilterQuery = ReportFilterFields.check(
  orderedRanges<z.output<typeof ReportFilterFields>>([
    ["clientSinceFrom", "clientSinceTo"],
    ["renewalFrom", "renewalTo"],
    ["updatedFrom", "updatedTo"],
  ]),
);
export type ReportFilterQuery = z.input<typeof ReportFilterQuery>;
export type ReportFilter = z.output<typeof ReportFilterQuery>;

const Amount = z.object({ count: z.number().int(), value: z.number() });

export const TrendPoint = z.object({ at: z.iso.datetime(), rank: z.number().int() });
export const ReportClient = z.object({
  id: z.uuid(),
  name: z.string(),
  clientType: z.string(),
  assignedCsmId: z.uuid().nullable(),
  assignedCsmName: z.string().nullable(),
  status: z.string(),
  value: z.number(),
  currency: z.string(),
  nextRenewalDate: z.string().nullable(),
  level: z.enum(PULSE_LEVELS).nullable(),
  pulseUpdatedAt: z.iso.datetime().nullable(),
  /** The 90 days before the report date: the level at the window's start, then every change. */
  trend: z.array(TrendPoint),
});
export type ReportClient = z.infer<typeof ReportClient>;

export const PulseHealthReport = z.object({
  asOf: z.string().nullable(),
  measure: ReportMeasure,
  currency: z.string(),
  slices: z.array(Amount.extend({ level: z.enum([...PULSE_LEVELS, "none"]), label: z.string() })),
  totals: Amount,
  satisfied: Amount.extend({ percent: z.number() }),
  risk: Amount.extend({ percent: z.number() }),
  clients: z.array(ReportClient),
  clientTotal: z.number().int(),
});
export type PulseHealthReport = z.infer<typeof PulseHealthReport>;

export const PulseReasonsReport = z.object({
  asOf: z.string().nullable(),
  measure: ReportMeasure,
  currency: z.string(),
  reasons: z.array(
    Amount.extend({
      reasonCodeId: z.uuid(),
      code: z.string(),
      label: z.string(),
      category: z.string(),
      kind: z.string(),
    }),
  ),
  /** Clients in the filter whose current pulse has no reason. */
  withoutReason: Amount,
  totals: Amount,
  clients: z.array(ReportClient),
  clientTotal: z.number().int(),
});
export type PulseReasonsReport = z.infer<typeof PulseReasonsReport>;

export const ReportFacets = z.object({
  clientTypes: z.array(z.string()),
  csms: z.array(z.object({ id: z.uuid(), name: z.string() })),
  primaryMetric: z.enum(["arr", "mrr", "acv"]),
});
export type ReportFacets = z.infer<typeof ReportFacets>;
