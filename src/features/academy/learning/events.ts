import { z } from "zod";

/**
 * Completions are domain events, sent in the transaction that records the completing statement (once per
 * learner and object). Credentials (badges, certificates, the certification) are issued by their handlers.
 */
export const moduleCompletedEvent = {
  name: "academy.module.completed",
  payload: z.object({ userId: z.uuid(), moduleId: z.uuid(), statementId: z.uuid(), completedAt: z.iso.datetime() }),
};
export type ModuleCompletedPayload = z.infer<typeof moduleCompletedEvent.payload>;

/** A level is complete when all its modules are complete and all its exams are passed. */
export const levelCompletedEvent = {
  name: "academy.level.completed",
  payload: z.object({ userId: z.uuid(), levelId: z.uuid(), statementId: z.uuid(), completedAt: z.iso.datetime() }),
};
export type LevelCompletedPayload = z.infer<typeof levelCompletedEvent.payload>;
