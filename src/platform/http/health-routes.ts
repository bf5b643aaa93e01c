import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../db/database.js";

export const HealthResponse = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  version: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; version: string }> = async (app, opts) => {
  app.get(
    "/api/health",
    { config: { access: "public" }, schema: { tags: ["health"], response: { 200: HealthResponse } } },
    async () => {
      await opts.database.executeSql("select 1");
      return { status: "ok" as const, database: opts.database.kind, version: opts.version };
    },
  );
};
