import type Stripe from "stripe";
import { PULSE_SUBSCRIPTION_KEY } from "../providers/stripe.js";

/** What an event says about which subscription, read from the event's object (no API call). */
export type StripeEventFacts = {
  pulseSubscriptionId: string | null;
  stripeSubscriptionId: string | null;
  stripeCustomerId: string | null;
};

const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === "string" ? v : v.id;

export function factsOf(event: Stripe.Event): StripeEventFacts {
  switch (event.type) {
    case "checkout.session.completed": {
      const s = event.data.object;
      return {
        pulseSubscriptionId: s.client_reference_id ?? s.metadata?.[PULSE_SUBSCRIPTION_KEY] ?? null,
        stripeSubscriptionId: idOf(s.subscription),
        stripeCustomerId: idOf(s.customer),
      };
    }
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const s = event.data.object;
      return {
        pulseSubscriptionId: s.metadata?.[PULSE_SUBSCRIPTION_KEY] ?? null,
        stripeSubscriptionId: s.id,
        stripeCustomerId: idOf(s.customer),
      };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const i = event.data.object;
      const details = i.parent?.subscription_details;
      return {
        pulseSubscriptionId: details?.metadata?.[PULSE_SUBSCRIPTION_KEY] ?? null,
        stripeSubscriptionId: idOf(details?.subscription),
        stripeCustomerId: idOf(i.customer),
      };
    }
    default:
      return { pulseSubscriptionId: null, stripeSubscriptionId: null, stripeCustomerId: null };
  }
}

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;
