import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { OrgParams } from "../../../accounts/organizations/contract.js";
import { ClientImportQuery, ImportCsvBody, ImportReport, UsageImportQuery } from "./contract.js";
import * as imports from "./service.js";

const tags = ["clients"];
/** Up to ~5,000 rows of CSV; the app's default body limit (1 MiB) is too small for that. */
const CSV_BODY_LIMIT = 20 * 1024 * 1024;
const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

/** POST /clients/import and /usage-figures/import: the CSV file is the body, options are query parameters. */
export const clientImportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Scoped to this plugin: other routes keep answering 415 to CSV bodies.
  app.addContentTypeParser(CSV_TYPES, { parseAs: "string", bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    "/api/organizations/:orgId/clients/import",
    {
      config: { access: "org:member" },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary: "Import clients from CSV (text/csv body), matching on external id",
        consumes: ["text/csv"],
        params: OrgParams,
        querystring: ClientImportQuery,
        body: ImportCsvBody,
        response: { 200: ImportReport },
      },
    },
    async (req) => imports.importClients(ctx, req.params.orgId, req.body, req.query),
  );
  app.post(
    "/api/organizations/:orgId/usage-figures/import",
    {
      config: { access: "org:member" },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary: "Import weekly usage figures from CSV (text/csv body)",
        consumes: ["text/csv"],
        params: OrgParams,
        querystring: UsageImportQuery,
        body: ImportCsvBody,
        response: { 200: ImportReport },
      },
    },
    async (req) => imports.importUsageFigures(ctx, req.params.orgId, req.body, req.query),
  );
};
