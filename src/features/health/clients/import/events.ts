import { z } from "zod";

/** Sent in the transaction that stores a large import's file; the import job runs it. */
export const importRunEvent = {
  name: "health.import.run",
  payload: z.object({ importId: z.uuid() }),
};
