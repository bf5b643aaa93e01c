import { z } from "zod";
import { text } from "../../../../kernel/text.js";
import { SUGGESTION_KINDS, SUGGESTION_STATUSES } from "./schema.js";

export { SUGGESTION_KINDS, SUGGESTION_STATUSES } from "./schema.js";

const field = (max: number) =>
  text("is required").trim().min(1, "is required").max(max, `must be at most ${max} characters`);

export const SuggestionBody = z.object({
  kind: z.enum(SUGGESTION_KINDS, `must be one of ${SUGGESTION_KINDS.join(", ")}`),
  title: field(200),
  covers: field(4000),
  why: field(4000),
});
export type SuggestionBody = z.infer<typeof SuggestionBody>;

export const SuggestionParams = z.object({ suggestionId: z.uuid("is not a valid id") });

export const StatusBody = z.object({
  status: z.enum(SUGGESTION_STATUSES, `must be one of ${SUGGESTION_STATUSES.join(", ")}`),
  note: text().trim().max(2000, "must be at most 2000 characters").optional(),
});
export type StatusBody = z.infer<typeof StatusBody>;

export const StatusLogView = z.object({
  fromStatus: z.enum(SUGGESTION_STATUSES).nullable(),
  toStatus: z.enum(SUGGESTION_STATUSES),
  actorId: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const SuggestionView = z.object({
  id: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  title: z.string(),
  covers: z.string(),
  why: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  staffNote: z.string().nullable(),
  votes: z.number().int(),
  /** Whether the caller supports it. */
  supported: z.boolean(),
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

export const StaffSuggestionView = SuggestionView.extend({
  author: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  log: z.array(StatusLogView),
  /** The statuses staff may move it to next (empty once published or declined). */
  next: z.array(z.enum(SUGGESTION_STATUSES)),
});
export type StaffSuggestionView = z.infer<typeof StaffSuggestionView>;

export const SuggestionList = z.object({ items: z.array(SuggestionView) });
export const StaffSuggestionList = z.object({ items: z.array(StaffSuggestionView) });
export const StaffSuggestionQuery = z.object({ status: z.enum(SUGGESTION_STATUSES).optional() });
