import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../platform/context.js";
import { listOutbox } from "../../platform/mail/outbox-store.js";
import { OutboxList, OutboxQuery } from "./contract.js";

export const adminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/admin/outbox",
    {
      config: { access: "platform_admin" },
      schema: { tags: ["admin"], querystring: OutboxQuery, response: { 200: OutboxList } },
    },
    async (req) => {
      const { rows, total } = await listOutbox(ctx.database.db, req.query);
      return {
        total,
        messages: rows.map((m) => ({
          id: m.id,
          to: m.toAddress,
          subject: m.subject,
          text: m.textBody,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
          deliveredAt: m.deliveredAt?.toISOString() ?? null,
          lastError: m.lastError,
        })),
      };
    },
  );
};
