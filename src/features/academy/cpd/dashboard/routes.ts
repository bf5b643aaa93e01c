import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { actorOf } from "../../../../platform/http/client-info.js";
import { cpdRecordOf, recordCsv } from "../export/record.js";
import { renderTranscriptPdf } from "../export/transcript-pdf.js";
import { Dashboard, DashboardQuery } from "./contract.js";
import { cpdDashboard } from "./service.js";

const tags = ["academy-cpd"];

/** Component 6: the learner's CPD dashboard and exports. */
export const cpdDashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    "/api/academy/cpd/dashboard",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "The CPD dashboard: paths progress, activity history, recertification and CPD time per source",
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (req) => cpdDashboard(ctx, actorOf(req), req.query),
  );
  app.get(
    "/api/academy/cpd/record.csv",
    { config: { access: "user" }, schema: { tags, summary: "The learner's CPD record as CSV" } },
    async (req, reply) => {
      const record = await cpdRecordOf(ctx, actorOf(req));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="cpd-record-${record.generatedOn}.csv"`)
        .header("cache-control", "no-store")
        .send(recordCsv(record));
    },
  );
  app.get(
    "/api/academy/cpd/transcript.pdf",
    { config: { access: "user" }, schema: { tags, summary: "The learner's CPD record as a PDF transcript" } },
    async (req, reply) => {
      const record = await cpdRecordOf(ctx, actorOf(req));
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="cpd-transcript-${record.generatedOn}.pdf"`)
        .header("cache-control", "no-store")
        .send(await renderTranscriptPdf(record));
    },
  );
};
