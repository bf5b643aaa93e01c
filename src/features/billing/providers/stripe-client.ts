import Stripe from "stripe";
import type { BillingSettings } from "../settings.js";

export type StripeSettings = NonNullable<BillingSettings["stripe"]>;

/**
 * The `stripe` package's client. `apiBaseUrl` (tests: a local server on 127.0.0.1) replaces
 * api.stripe.com; no retries, so a failing call fails the request that made it.
 */
export function stripeClient(settings: StripeSettings): Stripe {
  const base = settings.apiBaseUrl ? new URL(settings.apiBaseUrl) : null;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 0,
    timeout: 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "http:" ? 80 : 443),
          protocol: base.protocol === "http:" ? "http" : "https",
        }
      : {}),
  });
}
