import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../kernel/app-error.js";

/** Hashed build output never changes under its name; everything else (index.html) is revalidated. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
export const REVALIDATE_CACHE = "no-cache";

/**
 * Serves the built web app; unknown non-API paths get index.html so client-side routes load.
 * The build writes `.br` and `.gz` beside each text file (vite.config.ts); `preCompressed` sends the one
 * the browser accepts with its Content-Encoding (the compression plugin then leaves it alone).
 */
export async function registerSpa(app: FastifyInstance, webDist: string): Promise<void> {
  const hasBuild = existsSync(join(webDist, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The variants are reached through their file's URL, not served as files of their own.
      globIgnore: ["**/*.br", "**/*.gz"],
      setHeaders: (reply, path) => {
        const inAssets = relative(webDist, path).split(sep)[0] === "assets";
        reply.header("cache-control", inAssets ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
      },
    });
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
