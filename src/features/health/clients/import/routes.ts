import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import { OrgParams } from "../../../accounts/organizations/contract.js";
import {
  ClientImportQuery,
  ImportCsvBody,
  ImportJob,
  ImportJobParams,
  ImportReport,
  SYNC_IMPORT_ROWS,
  UsageImportQuery,
} from "./contract.js";
import { getImportJob, startImport } from "./import-jobs.js";

const tags = ["clients"];
/** Up to 100,000 rows of CSV (about 200 bytes a row); the app's default body limit (1 MiB) is too small. */
const CSV_BODY_LIMIT = 64 * 1024 * 1024;
const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];
const LARGE = `Files of more than ${SYNC_IMPORT_ROWS} rows are answered 202 with an import job to poll at GET .../imports/:importId (checked in full first, then written in batches).`;

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
        description: LARGE,
        consumes: ["text/csv"],
        params: OrgParams,
        querystring: ClientImportQuery,
        body: ImportCsvBody,
        response: { 200: ImportReport, 202: ImportJob },
      },
    },
    async (req, reply) => {
      const started = await startImport(ctx, actorOf(req).userId, req.params.orgId, "clients", req.body, req.query);
      return "job" in started ? reply.code(202).send(started.job) : started.report;
    },
  );
  app.post(
    "/api/organizations/:orgId/usage-figures/import",
    {
      config: { access: "org:member" },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary: "Import weekly usage figures from CSV (text/csv body)",
        description: LARGE,
        consumes: ["text/csv"],
        params: OrgParams,
        querystring: UsageImportQuery,
        body: ImportCsvBody,
        response: { 200: ImportReport, 202: ImportJob },
      },
    },
    async (req, reply) => {
      const started = await startImport(ctx, actorOf(req).userId, req.params.orgId, "usage", req.body, req.query);
      return "job" in started ? reply.code(202).send(started.job) : started.report;
    },
  );
  app.get(
    "/api/organizations/:orgId/imports/:importId",
    {
      config: { access: "org:member" },
      schema: {
        tags,
        summary: "A large import's progress (phase, rows processed, percent) and, once done, its report",
        params: ImportJobParams,
        response: { 200: ImportJob },
      },
    },
    async (req) => getImportJob(ctx, req.params.orgId, req.params.importId),
  );
};
