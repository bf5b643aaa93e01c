import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../kernel/app-error.js";

/** Serves the built web app; unknown non-API paths get index.html so client-side routes load. */
export async function registerSpa(app: FastifyInstance, webDist: string): Promise<void> {
  const hasBuild = existsSync(join(webDist, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") {
      throw new AppError("not_found", `No route ${request.method} ${request.url.split("?")[0]}.`);
    }
    if (!hasBuild) {
      return reply
        .status(503)
        .type("text/plain")
        .send("The web app is not built. Run `npm run build:web` (npm start does it for you).");
    }
    return reply.type("text/html").sendFile("index.html");
  });
}
