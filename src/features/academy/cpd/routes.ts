import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../platform/context.js";
import { auditRoutes } from "./audits/routes.js";
import { cpdDashboardRoutes } from "./dashboard/routes.js";
import { cpdEventRoutes } from "./events/routes.js";
import { cpdLibraryRoutes } from "./library/routes.js";
import { cpdPathRoutes } from "./paths/routes.js";
import { selfCertRoutes } from "./self-cert/routes.js";
import { suggestionRoutes } from "./suggestions/routes.js";

/**
 * Every CPD route, under /api/academy/cpd (learners) and /api/admin/academy/cpd (staff). Each component
 * has its own sub-folder with a `routes.ts` plugin registered here, one line each: paths/, library/,
 * events/, suggestions/ (components 1-4), self-cert/ and audits/ (component 5), dashboard/ (component 6).
 */
export const cpdRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(cpdPathRoutes, { ctx });
  await app.register(cpdLibraryRoutes, { ctx });
  await app.register(cpdEventRoutes, { ctx });
  await app.register(cpdDashboardRoutes, { ctx });
  await app.register(selfCertRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(suggestionRoutes, { ctx });
};
