import type { FastifyRequest } from "fastify";

export const clientInfo = (request: FastifyRequest) => ({
  ip: request.ip ?? null,
  userAgent: request.headers["user-agent"] ?? null,
});

/** The route's actor; routes that declare an access level above "public" always have one. */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new Error("actorOf() called on a route without a signed-in actor");
  return request.actor;
}
