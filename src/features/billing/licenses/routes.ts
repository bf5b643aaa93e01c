import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import { actorOf } from "../../../platform/http/client-info.js";
import { invoicePdf } from "../invoice-pdf.js";
import { billingOf } from "../runtime.js";
import { invoiceLines, invoices, licensePools, quotes } from "../schema.js";
import { invoiceNumber } from "../store/invoices.js";
import {
  AcceptQuoteBody,
  AssignSeatBody,
  LICENSE_API,
  Licenses,
  Quote,
  QuoteBody,
  RecordPaymentBody,
  SeatList,
  StaffLicenses,
} from "./contract.js";
import { acceptQuote, createQuote, recordInvoicePayment } from "./quotes.js";
import { assignSeat, attachInvitedSeats, freeSeat, listSeats } from "./seats.js";
import { allOrgInvoices, invoiceViews, orgInvoices, poolViews, quoteViews } from "./views.js";

const tags = ["billing"];
const uuid = (what: string) => z.uuid(`is not a valid ${what} id`);
const Org = z.object({ orgId: uuid("organization") });
const QuoteParams = Org.extend({ quoteId: uuid("quote") });
const OrgInvoiceParams = Org.extend({ licenseInvoiceId: uuid("invoice") });
const PoolParams = Org.extend({ poolId: uuid("pool") });
const SeatParams = PoolParams.extend({ seatId: uuid("seat") });
const StaffInvoiceParams = z.object({ licenseInvoiceId: uuid("invoice") });

async function sendPdf(
  ctx: AppContext,
  invoice: typeof invoices.$inferSelect | undefined,
  reply: import("fastify").FastifyReply,
) {
  if (!invoice) throw notFound("Invoice");
  const lines = await ctx.database.db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .orderBy(invoiceLines.position);
  const pdf = await invoicePdf(invoice, lines, { testMode: billingOf(ctx).providers.testMode });
  const name = `${invoiceNumber(invoice.sellerKey, invoice.number)}.pdf`;
  return reply.type("application/pdf").header("content-disposition", `attachment; filename="${name}"`).send(pdf);
}

/** Team licenses: an organization's admins ask for quotes, accept them with a PO and assign seats; staff record payments. */
export const licenseRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const db = ctx.database.db;
  app.post(
    LICENSE_API.quotes,
    {
      config: { access: "org:admin" },
      schema: {
        tags,
        summary: "Ask for a quote for N seats of a plan",
        params: Org,
        body: QuoteBody,
        response: { 201: Quote },
      },
    },
    async (req, reply) => reply.code(201).send(await createQuote(ctx, req.params.orgId, actorOf(req).userId, req.body)),
  );
  app.post(
    LICENSE_API.acceptQuote,
    {
      config: { access: "org:admin" },
      schema: {
        tags,
        summary: "Accept a quote with a purchase-order number: the invoice is issued (net 30)",
        params: QuoteParams,
        body: AcceptQuoteBody,
        response: { 200: Quote },
      },
    },
    async (req) => acceptQuote(ctx, req.params.orgId, actorOf(req).userId, req.params.quoteId, req.body.poNumber),
  );
  app.get(
    LICENSE_API.licenses,
    {
      config: { access: "org:admin" },
      schema: {
        tags,
        summary: "The organization's license pools, quotes and invoices",
        params: Org,
        response: { 200: Licenses },
      },
    },
    async (req) => {
      const { orgId } = req.params;
      await attachInvitedSeats(db, orgId, ctx.clock.now());
      const [pools, quoteRows, invoiceRows] = await Promise.all([
        db.select().from(licensePools).where(eq(licensePools.orgId, orgId)).orderBy(licensePools.startsAt),
        db.select().from(quotes).where(eq(quotes.orgId, orgId)).orderBy(quotes.createdAt),
        orgInvoices(db, orgId),
      ]);
      return {
        pools: await poolViews(db, pools),
        quotes: await quoteViews(db, quoteRows),
        invoices: await invoiceViews(db, invoiceRows),
        testMode: billingOf(ctx).providers.testMode,
      };
    },
  );
  app.get(
    LICENSE_API.invoicePdf,
    { config: { access: "org:admin" }, schema: { tags, summary: "A team invoice as PDF", params: OrgInvoiceParams } },
    async (req, reply) => {
      const [invoice] = await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.id, req.params.licenseInvoiceId), eq(invoices.orgId, req.params.orgId)));
      return sendPdf(ctx, invoice, reply);
    },
  );
  app.get(
    LICENSE_API.seats,
    {
      config: { access: "org:admin" },
      schema: { tags, summary: "A pool's seats and who holds them", params: PoolParams, response: { 200: SeatList } },
    },
    async (req) => listSeats(ctx, req.params.orgId, req.params.poolId),
  );
  app.post(
    LICENSE_API.seats,
    {
      config: { access: "org:admin" },
      schema: {
        tags,
        summary: "Give a seat to a member or an invited email (never more than paid)",
        params: PoolParams,
        body: AssignSeatBody,
        response: { 200: SeatList },
      },
    },
    async (req) => assignSeat(ctx, req.params.orgId, actorOf(req).userId, req.params.poolId, req.body),
  );
  app.delete(
    LICENSE_API.seat,
    { config: { access: "org:admin" }, schema: { tags, summary: "Free a seat", params: SeatParams } },
    async (req, reply) => {
      await freeSeat(ctx, req.params.orgId, actorOf(req).userId, req.params.poolId, req.params.seatId);
      return reply.code(204).send();
    },
  );
  app.get(
    LICENSE_API.staffOverview,
    {
      config: { access: "platform_admin" },
      schema: { tags, summary: "Staff: every license pool and team invoice", response: { 200: StaffLicenses } },
    },
    async () => {
      const pools = await db.select().from(licensePools).orderBy(licensePools.endsAt).limit(500);
      const views = await poolViews(db, pools);
      const invoiceList = await invoiceViews(db, await allOrgInvoices(db), true);
      const names = new Map(invoiceList.map((i) => [i.orgId, i.orgName]));
      return {
        pools: views.map((p, i) => {
          const orgId = (pools[i] as typeof licensePools.$inferSelect).orgId;
          return { ...p, orgId, orgName: names.get(orgId) ?? "" };
        }),
        invoices: invoiceList,
      };
    },
  );
  app.get(
    "/api/admin/billing/license-invoices/:licenseInvoiceId/pdf",
    {
      config: { access: "platform_admin" },
      schema: { tags, summary: "Staff: a team invoice as PDF", params: StaffInvoiceParams },
    },
    async (req, reply) => {
      const [invoice] = await db.select().from(invoices).where(eq(invoices.id, req.params.licenseInvoiceId));
      return sendPdf(ctx, invoice?.orgId ? invoice : undefined, reply);
    },
  );
  app.post(
    LICENSE_API.staffRecordPayment,
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Staff: record a team invoice's payment (opens the pool of seats)",
        params: StaffInvoiceParams,
        body: RecordPaymentBody,
        response: { 200: z.object({ poolId: z.uuid() }) },
      },
    },
    async (req) => recordInvoicePayment(ctx, actorOf(req).userId, req.params.licenseInvoiceId, req.body),
  );
};
