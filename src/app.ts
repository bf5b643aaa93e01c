import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { assessmentRoutes } from "./features/academy/assessments/routes.js";
import { levelsOpenedBy } from "./features/academy/catalog/access.js";
import { catalogAdminRoutes } from "./features/academy/catalog/admin-routes.js";
import { academyMediaRoutes } from "./features/academy/catalog/media-routes.js";
import { catalogRoutes } from "./features/academy/catalog/routes.js";
import { cpdRoutes } from "./features/academy/cpd/routes.js";
import { credentialRoutes } from "./features/academy/credentials/routes.js";
import { learningRoutes } from "./features/academy/learning/routes.js";
import { teamProgressRoutes } from "./features/academy/teams/routes.js";
import { identityRoutes } from "./features/accounts/identity/routes.js";
import { resolveActor } from "./features/accounts/identity/service.js";
import { organizationRoutes } from "./features/accounts/organizations/routes.js";
import { adminRoutes } from "./features/admin/routes.js";
import { billingRoutes } from "./features/billing/routes.js";
import { type BillingSettings, configureBilling } from "./features/billing/service.js";
import { stripeWebhookRoutes } from "./features/billing/webhooks/stripe-routes.js";
import { alertRoutes } from "./features/health/alerts/routes.js";
import { clientExportRoutes } from "./features/health/clients/export/routes.js";
import { clientImportRoutes } from "./features/health/clients/import/routes.js";
import { clientRoutes } from "./features/health/clients/routes.js";
import { homeRoutes } from "./features/health/home/routes.js";
import { pulseRoutes } from "./features/health/pulses/routes.js";
import { reportRoutes } from "./features/health/reports/routes.js";
import { segmentRoutes } from "./features/health/segments/routes.js";
import { AppError } from "./kernel/app-error.js";
import type { AppContext } from "./platform/context.js";
import { registerAccessControl } from "./platform/http/access.js";
import { registerCompression } from "./platform/http/compression.js";
import { registerErrorHandler } from "./platform/http/error-handler.js";
import { healthRoutes } from "./platform/http/health-routes.js";
import { registerOpenApi } from "./platform/http/openapi.js";
import { registerOriginCheck } from "./platform/http/origin-check.js";
import { registerSessionResolver } from "./platform/http/session-cookie.js";
import { registerSpa } from "./platform/http/spa.js";
import { VERSION } from "./version.js";

export type AppOptions = {
  ctx: AppContext;
  logLevel?: string;
  bodyLimitBytes?: number;
  trustProxy?: boolean;
  loginPerIpPerMinute?: number;
  webDist?: string;
  /** Academy content folders whose media/ and downloads/ are served at /media and /downloads. */
  contentDirs?: string[];
  /** Billing's configuration (providers, reminder days, grace); default: test mode. */
  billing?: BillingSettings;
};

const DEFAULT_WEB_DIST = fileURLToPath(new URL("../web/dist", import.meta.url));

/** Builds the whole HTTP app: platform plugins first, then every feature's routes. Does not listen. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { ctx } = options;
  if (options.billing) configureBilling(ctx, options.billing);
  const app = Fastify({
    logger: { level: options.logLevel ?? "info", redact: ["req.headers.cookie", "req.headers.authorization"] },
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  registerErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and the API reference set inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await registerCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError(
        "too_many_requests",
        `Too many attempts from your network. Please wait ${context.after} and try again.`,
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      ),
  });
  registerOriginCheck(app, ctx.appUrl);
  registerSessionResolver(app, (token) => resolveActor(ctx, token));
  registerAccessControl(app);
  await registerOpenApi(app, VERSION);

  await app.register(healthRoutes, { database: ctx.database, version: VERSION });
  await app.register(identityRoutes, {
    ctx,
    loginPerIpPerMinute: options.loginPerIpPerMinute ?? 30,
    secureCookies: ctx.appUrl.startsWith("https://"),
  });
  await app.register(organizationRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
  await app.register(clientRoutes, { ctx });
  await app.register(clientExportRoutes, { ctx });
  await app.register(clientImportRoutes, { ctx });
  await app.register(pulseRoutes, { ctx });
  await app.register(segmentRoutes, { ctx });
  await app.register(reportRoutes, { ctx });
  await app.register(homeRoutes, { ctx });
  await app.register(alertRoutes, { ctx });
  await app.register(assessmentRoutes, { ctx });
  await app.register(learningRoutes, { ctx });

  await app.register(credentialRoutes, { ctx, webDist: options.webDist ?? DEFAULT_WEB_DIST });

  await app.register(catalogRoutes, { ctx });
  await app.register(catalogAdminRoutes, { ctx });
  await app.register(teamProgressRoutes, { ctx });
  await app.register(cpdRoutes, { ctx });
  await app.register(billingRoutes, { ctx, levelsOpenedBy: () => levelsOpenedBy(ctx) });
  await app.register(stripeWebhookRoutes, { ctx });
  await app.register(academyMediaRoutes, { ctx, contentDirs: options.contentDirs ?? [] });

  await registerSpa(app, options.webDist ?? DEFAULT_WEB_DIST);
  return app;
}
