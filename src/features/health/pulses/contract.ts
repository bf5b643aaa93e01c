import { z } from "zod";
import { instant } from "../../../kernel/calendar-date.js";
import { orderedRanges } from "../../../kernel/ordered-range.js";
import { Text } from "../../../kernel/text.js";
import { PULSE_LEVELS } from "./pulse-levels.js";

export const PulseLevel = z.enum(PULSE_LEVELS);
export const ReasonKind = z.enum(["risk", "success", "both"]);

export const ReasonCode = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  category: z.string(),
  kind: ReasonKind,
  retired: z.boolean(),
  usageCount: z.number().int(),
});
export type ReasonCode = z.infer<typeof ReasonCode>;
export const ReasonCodeList = z.object({ reasonCodes: z.array(ReasonCode) });
export const CreateReasonCodeBody = z.object({
  code: Text.trim().regex(/^[a-z0-9_]{2,40}$/, "must be 2-40 lowercase letters, digits or underscores"),
  label: Text.trim().min(1, "is required").max(80),
  category: Text.trim().min(1, "is required").max(40),
  kind: ReasonKind,
});
export type CreateReasonCodeBody = z.infer<typeof CreateReasonCodeBody>;
export const UpdateReasonCodeBody = CreateReasonCodeBody.omit({ code: true })
  .partial()
  .extend({ retired: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: "give at least one of label, category, kind, retired",
    path: ["label"],
  });
export type UpdateReasonCodeBody = z.infer<typeof UpdateReasonCodeBody>;
export const ReasonCodeParams = z.object({ orgId: z.uuid(), reasonCodeId: z.uuid("is not a valid reason code id") });

export const SetPulseBody = z.object({
  level: PulseLevel,
  note: Text.trim().max(5000, "must be at most 5000 characters").default(""),
  reasonCodeIds: z.array(z.uuid("is not a valid reason code id")).max(3, "at most three reasons").default([]),
  /** When the pulse took effect (default now): from 2000-01-01; the service refuses the future. */
  effectiveAt: instant({ upTo: "now" }).optional(),
  /** The entry this one corrects, when it is a correction. */
  correctsEntryId: z.uuid().optional(),
});
export type SetPulseBody = z.input<typeof SetPulseBody>;

export const PulseEntry = z.object({
  id: z.uuid(),
  level: PulseLevel,
  rank: z.number().int(),
  note: z.string(),
  reasons: z.array(z.object({ id: z.uuid(), code: z.string(), label: z.string(), kind: ReasonKind })),
  effectiveAt: z.iso.datetime(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.string().nullable(),
  correctsEntryId: z.uuid().nullable(),
  correctedByEntryId: z.uuid().nullable(),
});
export type PulseEntry = z.infer<typeof PulseEntry>;
export const PulseHistory = z.object({ entries: z.array(PulseEntry) });
export type PulseHistory = z.infer<typeof PulseHistory>;

export const ScoreComponent = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  weight: z.number(),
  contribution: z.number(),
});
export const SuccessScoreView = z.object({
  score: z.number().nullable(),
  band: z.enum(["healthy", "watch", "at_risk"]).nullable(),
  components: z.array(ScoreComponent),
  capped: z.boolean(),
  needsReview: z.boolean(),
  pulseStale: z.boolean(),
  formulaVersion: z.number().int(),
  previous: z.object({ day: z.string(), score: z.number().nullable() }).nullable(),
  movement: z.array(z.object({ key: z.string(), label: z.string(), change: z.number() })),
  history: z.array(z.object({ day: z.string(), score: z.number().nullable() })),
});
export type SuccessScoreView = z.infer<typeof SuccessScoreView>;

const Weight = z.number().min(0, "must be 0-100").max(100, "must be 0-100");
const MetricKey = Text.max(40);
/** A metric's raw range, mapped onto 0-100: min below max. */
const MetricRange = z
  .object({ min: z.number(), max: z.number() })
  .check(orderedRanges<{ min: number; max: number }>([["min", "max"]], { strict: true }));
const Weights = z.object({ pulse: Weight, usage: Weight, metrics: z.record(MetricKey, Weight).default({}) }).check(
  z.superRefine((w: { pulse: number; usage: number; metrics: Record<string, number> }, ctx) => {
    const total = w.pulse + w.usage + Object.values(w.metrics).reduce((a, b) => a + b, 0);
    if (total <= 0) {
      ctx.addIssue({ code: "custom", message: "at least one weight must be above 0 (each 0-100)", input: w });
    }
  }),
);
export const ScoreFormulaBody = z.object({
  usageMetric: Text.trim().min(1).max(40).default("weekly_active_users"),
  weights: Weights,
  metricRanges: z.record(MetricKey, MetricRange).default({}),
  pulseHalfLifeDays: z.number().min(1).max(3650).default(60),
  staleAfterDays: z.number().int().min(1).max(3650).default(30),
  reviewGap: z.number().min(1).max(100).default(40),
});
export type ScoreFormulaBody = z.input<typeof ScoreFormulaBody>;

export const FormulaComparisonQuery = z.object({
  versions: Text.regex(/^\d+(,\d+){0,3}$/, "must be one to four version numbers, comma-separated").transform((s) =>
    s.split(",").map(Number),
  ),
  days: z.coerce.number().int().min(7).max(365).default(90),
});
export const FormulaComparison = z.object({
  series: z.array(
    z.object({
      version: z.number().int(),
      points: z.array(
        z.object({
          day: z.string(),
          score: z.number().nullable(),
          band: z.enum(["healthy", "watch", "at_risk"]).nullable(),
        }),
      ),
    }),
  ),
});
export type FormulaComparison = z.infer<typeof FormulaComparison>;
