import type { FastifyPluginAsync } from "fastify";
import Stripe from "stripe";
import { AppError } from "../../../kernel/app-error.js";
import type { AppContext } from "../../../platform/context.js";
import { BILLING_API } from "../contract.js";
import { billingOf } from "../runtime.js";
import { applyStripeEvent } from "./apply-stripe-event.js";

/** Seconds a signature's timestamp may be away from now (Stripe's default): older deliveries are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const badSignature = (reason: string) =>
  new AppError("invalid_input", "The Stripe signature does not match this body.", {
    fields: { "stripe-signature": reason },
  });

/**
 * POST /api/billing/webhooks/stripe. This plugin's own JSON parser keeps the raw Buffer (the signature
 * is over the exact bytes); routes outside this plugin keep Fastify's JSON parsing. The answer is 2xx
 * only after the transaction that stored and applied the event has committed.
 */
export const stripeWebhookRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.post(
    BILLING_API.stripeWebhook,
    {
      config: { access: "public" },
      schema: { tags: ["billing"], summary: "Stripe's signed events (checkout, subscription, invoice)", hide: true },
    },
    async (request, reply) => {
      const stripe = billingOf(ctx).settings.stripe;
      if (billingOf(ctx).settings.mode !== "stripe" || !stripe) {
        throw new AppError("not_found", "Stripe is not configured here.");
      }
      const header = request.headers["stripe-signature"];
      if (typeof header !== "string" || header === "") throw badSignature("is missing");
      if (!Buffer.isBuffer(request.body)) throw badSignature("needs an application/json body");
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(
          request.body,
          header,
          stripe.webhookSecret,
          SIGNATURE_TOLERANCE_SECONDS,
          undefined,
          ctx.clock.now().getTime(),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : "";
        throw badSignature(/timestamp/i.test(message) ? "is too old (outside the tolerance zone)" : "does not verify");
      }
      const outcome = await applyStripeEvent(ctx, event);
      return reply.status(200).send({ received: true, outcome });
    },
  );
};
