import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** The OpenAPI 3 document of every route at /api/openapi.json and a reference UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Pulse API",
        version,
        description:
          "Academy, CPD, customer health (Pulse) and Engagements. Sign in with POST /api/auth/login; the session cookie authenticates every other call. Errors: { error: { code, message, fields } }.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "pulse_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true, uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
}
