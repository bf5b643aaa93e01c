import { z } from "zod";

/** Written in the transaction that raises an alert; the webhook job reacts to it. */
export const alertRaisedEvent = {
  name: "alert.raised",
  payload: z.object({ orgId: z.uuid(), alertId: z.uuid() }),
};
export type AlertRaisedPayload = z.infer<typeof alertRaisedEvent.payload>;
