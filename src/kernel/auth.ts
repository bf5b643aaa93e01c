import type { OrgRole } from "./roles.js";

/** Who is calling: resolved once per request from the session cookie. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  sessionId: string;
  activeOrgId: string | null;
  /** orgId -> role */
  memberships: ReadonlyMap<string, OrgRole>;
  /** Loaded with the session so GET /api/me needs no further query. */
  profile?: {
    timeZone: string;
    emailConfirmed: boolean;
    createdAt: string;
    organizations: { id: string; name: string; slug: string; role: OrgRole }[];
  };
};

/** What a route requires; every route declares one (platform/http/access.ts enforces it). */
export type Access = "public" | "user" | "platform_admin" | "org:member" | "org:manager" | "org:admin" | "org:owner";
