import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from "fastify";
import { AppError } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import { assertMayDownload } from "./download-access.js";

/**
 * Videos (`/media/...`, with HTTP Range requests so players can seek) and workbooks and tools
 * (`/downloads/...`, as attachments) from the content folders' `media/` and `downloads/`. Same origin, so
 * the app's CSP (default-src 'self') covers them. Videos are for signed-in people; a download is gated like
 * the lessons it belongs to (the plan of a level that links it; `public: true` in the content opens it).
 */
export const academyMediaRoutes: FastifyPluginAsync<{ ctx: AppContext; contentDirs: string[] }> = async (
  app,
  { ctx, contentDirs },
) => {
  await app.register(serveFolder, {
    prefix: "/media",
    roots: rootsOf(contentDirs, "media"),
    attachment: false,
    authorize: async (request) => {
      if (!request.actor) throw new AppError("unauthenticated", "Please sign in to continue.");
    },
  });
  await app.register(serveFolder, {
    prefix: "/downloads",
    roots: rootsOf(contentDirs, "downloads"),
    attachment: true,
    authorize: (request) => assertMayDownload(ctx, request.actor ?? null, filePath(request, "/downloads/")),
  });
};

const rootsOf = (dirs: string[], folder: string) => dirs.map((d) => resolve(d, folder)).filter((d) => existsSync(d));

/** The requested file, relative to the folder (percent-decoded; an undecodable path names no file). */
function filePath(request: FastifyRequest, prefix: string): string {
  const path = (request.url.split("?")[0] ?? "").slice(prefix.length);
  try {
    return decodeURIComponent(path);
  } catch {
    throw new AppError("not_found", `No file ${prefix}${path}.`);
  }
}

async function serveFolder(
  app: FastifyInstance,
  options: { roots: string[]; attachment: boolean; authorize: (request: FastifyRequest) => Promise<void> },
) {
  app.addHook("onRequest", options.authorize);
  app.setNotFoundHandler((request) => {
    throw new AppError("not_found", `No file ${request.url.split("?")[0]}.`);
  });
  if (options.roots.length === 0) return;
  await app.register(fastifyStatic, {
    root: options.roots,
    prefix: "/",
    decorateReply: false,
    index: false,
    dotfiles: "deny",
    acceptRanges: true,
    cacheControl: true,
    maxAge: "1h",
    setHeaders: (res, path) => {
      res.header("cache-control", "private, max-age=3600");
      if (options.attachment) res.header("content-disposition", `attachment; filename="${safeName(path)}"`);
    },
  });
}

const safeName = (path: string) => (join(path).split("/").pop() ?? "download").replace(/[^\w.-]/g, "_");
