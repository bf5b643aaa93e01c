import { z } from "zod";

/** Written in the transaction that records a pulse; alerts react to it. */
export const pulseSetEvent = {
  name: "pulse.set",
  payload: z.object({
    orgId: z.uuid(),
    clientId: z.uuid(),
    entryId: z.uuid(),
    rank: z.number().int().min(1).max(6),
    recordedBy: z.uuid().nullable(),
  }),
};
export type PulseSetPayload = z.infer<typeof pulseSetEvent.payload>;
