import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { AppError } from "../../../kernel/app-error.js";

/**
 * Videos (`/media/...`, with HTTP Range requests so players can seek) and workbooks and tools
 * (`/downloads/...`, as attachments) from the content folders' `media/` and `downloads/`. Same origin, so
 * the app's CSP (default-src 'self') covers them. Only for signed-in people; a level's lock is not checked
 * here (the catalog hides what a plan does not open, but a file's URL is not a secret worth guarding).
 */
export const academyMediaRoutes: FastifyPluginAsync<{ contentDirs: string[] }> = async (app, { contentDirs }) => {
  await app.register(serveFolder, { prefix: "/media", roots: rootsOf(contentDirs, "media"), attachment: false });
  await app.register(serveFolder, { prefix: "/downloads", roots: rootsOf(contentDirs, "downloads"), attachment: true });
};

const rootsOf = (dirs: string[], folder: string) => dirs.map((d) => resolve(d, folder)).filter((d) => existsSync(d));

async function serveFolder(app: FastifyInstance, options: { roots: string[]; attachment: boolean }) {
  app.addHook("onRequest", async (request) => {
    if (!request.actor) throw new AppError("unauthenticated", "Please sign in to continue.");
  });
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
