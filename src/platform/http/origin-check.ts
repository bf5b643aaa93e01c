import type { FastifyInstance } from "fastify";
import { AppError } from "../../kernel/app-error.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Rejects state-changing requests whose Origin is another site (a CSRF defence beside SameSite=Lax).
 * Requests without Origin come from non-browser clients, which cannot ride a victim's cookie.
 */
export function registerOriginCheck(app: FastifyInstance, appUrl: string): void {
  const allowed = new URL(appUrl).origin;
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (!origin) return;
    const own = `${request.protocol}://${request.host}`;
    if (origin === allowed || origin === own) return;
    throw new AppError("origin_mismatch", "This request came from another site and was refused.");
  });
}
