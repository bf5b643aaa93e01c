import type { FastifyInstance, FastifyReply } from "fastify";
import type { Actor } from "../../kernel/auth.js";

export const SESSION_COOKIE = "pulse_session";

export type ResolveActor = (token: string) => Promise<Actor | null>;

/** Reads the session cookie once per request and sets request.actor (null when signed out). */
export function registerSessionResolver(app: FastifyInstance, resolve: ResolveActor): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await resolve(token) : null;
  });
}

/** httpOnly + SameSite=Lax always; Secure when the app is served over https. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
