import type { SuggestionStatus } from "./schema.js";

/** submitted → under_review → planned → published; any non-final status → declined. */
const NEXT: Record<SuggestionStatus, readonly SuggestionStatus[]> = {
  submitted: ["under_review", "declined"],
  under_review: ["planned", "declined"],
  planned: ["published", "declined"],
  published: [],
  declined: [],
};

export const isFinalStatus = (s: SuggestionStatus) => NEXT[s].length === 0;

/** Whether staff may move a suggestion from one status to another. */
export function canTransition(from: SuggestionStatus, to: SuggestionStatus): boolean {
  return NEXT[from].includes(to);
}

export const allowedNext = (from: SuggestionStatus): readonly SuggestionStatus[] => NEXT[from];
