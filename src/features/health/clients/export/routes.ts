import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../../../platform/context.js";
import { OrgParams } from "../../../accounts/organizations/contract.js";
import { SegmentFilterQuery } from "../../segments/contract.js";
import { exportRows } from "../../segments/service.js";
import { type ExportFormat, sendExport } from "./send-export.js";

const tags = ["clients"];
const FORMATS: ExportFormat[] = ["csv", "xlsx"];

/** GET /clients/export.csv|.xlsx: the client list narrowed by the segment filter's query parameters. */
export const clientExportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  for (const format of FORMATS) {
    app.get(
      `/api/organizations/:orgId/clients/export.${format}`,
      {
        config: { access: "org:member" },
        schema: {
          tags,
          summary: `Clients as ${format.toUpperCase()}, filtered like a segment (streamed)`,
          params: OrgParams,
          querystring: SegmentFilterQuery,
        },
      },
      async (req, reply) => {
        const day = ctx.clock.now().toISOString().slice(0, 10);
        return sendExport(reply, format, "clients", day, await exportRows(ctx, req.params.orgId, req.query));
      },
    );
  }
};
