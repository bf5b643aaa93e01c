import { z } from "zod";

/** Sent in the transaction that starts a timed attempt, due at its deadline: grades it if still open. */
export const attemptDeadlineEvent = {
  name: "academy.attempt.deadline",
  payload: z.object({ attemptId: z.uuid() }),
};
export type AttemptDeadlinePayload = z.infer<typeof attemptDeadlineEvent.payload>;

/** Safety net (cron): grades every open attempt whose deadline has passed. */
export const sweepExpiredAttemptsEvent = { name: "academy.attempts.sweep-expired", payload: z.object({}) };
