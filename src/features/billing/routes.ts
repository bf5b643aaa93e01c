import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, notFound } from "../../kernel/app-error.js";
import { instant } from "../../kernel/calendar-date.js";
import type { AppContext } from "../../platform/context.js";
import { actorOf } from "../../platform/http/client-info.js";
import {
  BILLING_API,
  CheckoutBody,
  CheckoutParams,
  CheckoutResponse,
  InvoiceParams,
  MySubscription,
  type OpenedLevel,
  PlanList,
  PlanParams,
  SetPriceBody,
  SubscriptionView,
  TestCheckoutView,
} from "./contract.js";
import { invoicePdf } from "./invoice-pdf.js";
import { licenseRoutes } from "./licenses/routes.js";
import { billingOf, configureBilling } from "./runtime.js";
import {
  cancelMySubscription,
  completeTestCheckout,
  mySubscription,
  resumeMySubscription,
  startCheckout,
  testCheckoutView,
} from "./service/individual.js";
import { runRenewals } from "./service/renewals.js";
import { invoiceNumber, userInvoice } from "./store/invoices.js";
import { listPlans, planById, setPlanPrice } from "./store/plans.js";

const tags = ["billing"];

export type BillingRouteOptions = {
  ctx: AppContext;
  /** Which Academy levels each plan key opens (given by the composition root: the catalog owns levels). */
  levelsOpenedBy: () => Promise<Map<string, OpenedLevel[]>>;
};

const TestCheckoutBody = z.object({ card: z.enum(["4242", "0341"]).optional() });
const RunRenewalsBody = z.object({
  /** Test mode only: run as if it were then (a test clock, like Stripe's), e.g. to see a reminder go out. */
  asOf: instant().optional(),
});
const RenewalRunResponse = z.object({
  reminders: z.number().int(),
  renewed: z.number().int(),
  failed: z.number().int(),
  ended: z.number().int(),
});

export const billingRoutes: FastifyPluginAsyncZod<BillingRouteOptions> = async (app, { ctx, levelsOpenedBy }) => {
  await app.register(licenseRoutes, { ctx });
  app.get(
    BILLING_API.plans,
    {
      config: { access: "public" },
      schema: { tags, summary: "Plans with their yearly price and the levels each opens", response: { 200: PlanList } },
    },
    async () => {
      const [plans, opened] = await Promise.all([listPlans(ctx.database.db), levelsOpenedBy()]);
      return {
        plans: plans.map((p) => ({
          id: p.id,
          key: p.key,
          name: p.name,
          description: p.description,
          accessKey: p.accessKey,
          individual: p.individual,
          price: { amountMinor: p.price.amountMinor, currency: p.price.currency },
          opens: opened.get(p.accessKey) ?? [],
        })),
        testMode: billingOf(ctx).providers.testMode,
      };
    },
  );
  app.get(
    BILLING_API.mySubscription,
    {
      config: { access: "user" },
      schema: { tags, summary: "The caller's subscription, receipts and invoices", response: { 200: MySubscription } },
    },
    async (req) => mySubscription(ctx, actorOf(req)),
  );
  app.post(
    BILLING_API.checkout,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Start a card checkout for a plan",
        body: CheckoutBody,
        response: { 200: CheckoutResponse },
      },
    },
    async (req) => startCheckout(ctx, actorOf(req), req.body.planId),
  );
  app.post(
    BILLING_API.cancel,
    {
      config: { access: "user" },
      schema: { tags, summary: "Cancel at the end of the paid period", response: { 200: SubscriptionView } },
    },
    async (req) => cancelMySubscription(ctx, actorOf(req)),
  );
  app.post(
    BILLING_API.resume,
    {
      config: { access: "user" },
      schema: { tags, summary: "Undo a cancellation before the period ends", response: { 200: SubscriptionView } },
    },
    async (req) => resumeMySubscription(ctx, actorOf(req)),
  );
  app.get(
    BILLING_API.myInvoicePdf,
    {
      config: { access: "user" },
      schema: { tags, summary: "A receipt or invoice of the caller as PDF", params: InvoiceParams },
    },
    async (req, reply) => {
      const found = await userInvoice(ctx.database.db, actorOf(req).userId, req.params.invoiceId);
      if (!found) throw notFound("Invoice");
      const pdf = await invoicePdf(found.invoice, found.lines, { testMode: billingOf(ctx).providers.testMode });
      const name = `${invoiceNumber(found.invoice.sellerKey, found.invoice.number)}.pdf`;
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${name}"`).send(pdf);
    },
  );
  app.get(
    BILLING_API.testCheckout,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Test mode: the checkout to complete without a card",
        params: CheckoutParams,
        response: { 200: TestCheckoutView },
      },
    },
    async (req) => testCheckoutView(ctx, actorOf(req), req.params.checkoutId),
  );
  app.post(
    BILLING_API.testCheckoutComplete,
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Test mode: complete the checkout (no money moves)",
        params: CheckoutParams,
        body: TestCheckoutBody.optional(),
        response: { 200: CheckoutResponse },
      },
    },
    async (req) => completeTestCheckout(ctx, actorOf(req), req.params.checkoutId, req.body?.card),
  );
  app.put(
    "/api/admin/billing/plans/:planId/price",
    {
      config: { access: "platform_admin" },
      schema: { tags, summary: "Staff: set a plan's yearly price", params: PlanParams, body: SetPriceBody },
    },
    async (req, reply) => {
      if (!(await planById(ctx.database.db, req.params.planId))) throw notFound("Plan");
      await setPlanPrice(ctx.database.db, {
        ...req.body,
        planId: req.params.planId,
        setBy: actorOf(req).userId,
        now: ctx.clock.now(),
      });
      return reply.code(204).send();
    },
  );
  app.post(
    "/api/admin/billing/renewals/run",
    {
      config: { access: "platform_admin" },
      schema: {
        tags,
        summary: "Staff: run the renewal job now (test mode: as of a date, a test clock)",
        body: RunRenewalsBody,
        response: { 200: RenewalRunResponse },
      },
    },
    async (req) => {
      const { asOf } = req.body;
      if (!asOf) return runRenewals(ctx);
      const runtime = billingOf(ctx);
      if (!runtime.providers.testMode) {
        throw new AppError("invalid_input", "A test clock runs in test mode only.", {
          fields: { asOf: "only in test mode" },
        });
      }
      const at = new Date(asOf);
      const shifted = { ...ctx, clock: { now: () => at } };
      configureBilling(shifted, runtime.settings);
      return runRenewals(shifted);
    },
  );
};
