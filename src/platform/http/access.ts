import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../kernel/app-error.js";
import type { Access, Actor } from "../../kernel/auth.js";
import { type OrgRole, roleAtLeast } from "../../kernel/roles.js";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every API route with the access it declared; the authorization table test reads it. */
    accessTable: RouteAccess[];
  }
}

export type RouteAccess = { method: string; url: string; access: Access };

/** Throws unless the actor may call a route that requires `access` (orgId from the route params). */
export function checkAccess(actor: Actor | null, access: Access, orgId: string | undefined): void {
  if (access === "public") return;
  if (!actor) throw new AppError("unauthenticated", "Please sign in to continue.");
  if (access === "user") return;
  if (access === "platform_admin") {
    if (!actor.isPlatformAdmin) throw new AppError("forbidden", "Only platform admins may do this.");
    return;
  }
  const minimum = access.slice("org:".length) as OrgRole;
  const role = orgId ? actor.memberships.get(orgId) : undefined;
  // Not a member: answer as if the organization did not exist, so ids reveal nothing.
  if (!role) throw new AppError("not_found", "Organization was not found.");
  if (!roleAtLeast(role, minimum)) {
    throw new AppError("forbidden", `This needs the ${minimum} role or higher in this organization.`);
  }
}

/** Every route must declare `config.access`; the check runs before body validation. */
export function registerAccessControl(app: FastifyInstance): void {
  const table: RouteAccess[] = [];
  app.decorate("accessTable", table);
  app.addHook("onRoute", (route) => {
    const url = route.url;
    if (!url.startsWith("/api/")) return;
    // The API reference UI's own routes (static files) are public documentation.
    if (url.startsWith("/api/docs")) {
      route.config = { ...route.config, access: "public" };
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} declares no config.access`);
    if (access.startsWith("org:") && !url.includes(":orgId")) {
      throw new Error(`Route ${route.method} ${url} requires an org role but has no :orgId parameter`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== "HEAD") table.push({ method, url, access });
  });
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const orgId = (request.params as Record<string, string> | undefined)?.orgId;
    checkAccess(request.actor, access, orgId);
  });
}
