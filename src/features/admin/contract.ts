import { z } from "zod";
import { Text } from "../../kernel/text.js";

export const OutboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(["queued", "sent", "stored", "failed"]),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxList = z.object({ messages: z.array(OutboxMessage), total: z.number().int() });
export type OutboxList = z.infer<typeof OutboxList>;
export const OutboxQuery = z.object({
  to: Text.max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
