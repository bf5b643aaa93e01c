import type { Party } from "./schema.js";
import { type BillingRules, DEFAULT_RULES } from "./subscription-state.js";

/** Billing's part of the configuration (src/config.ts reads the environment and builds this). */
export type BillingSettings = BillingRules & {
  /** STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET select Stripe; without them, test mode. */
  mode: "stripe" | "test";
  stripe?: { secretKey: string; webhookSecret: string; apiBaseUrl?: string };
  /** Who sells: printed on every invoice and receipt; numbers run per seller. */
  seller: Party & { key: string };
};

export const DEFAULT_SELLER: BillingSettings["seller"] = {
  key: "PUL",
  name: "Pulse Academy",
  addressLines: [],
};

export const DEFAULT_BILLING_SETTINGS: BillingSettings = { ...DEFAULT_RULES, mode: "test", seller: DEFAULT_SELLER };

/** Why a configuration may not start, or null. Production refuses test mode unless it is asked for. */
export function billingModeProblem(input: {
  nodeEnv: string;
  stripeSecretKey?: string;
  stripeWebhookSecret?: string;
  testModeRequested: boolean;
}): string | null {
  if (Boolean(input.stripeSecretKey) !== Boolean(input.stripeWebhookSecret)) {
    return "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together";
  }
  if (input.stripeSecretKey && input.testModeRequested) {
    return "BILLING_TEST_MODE=true and Stripe keys exclude each other: unset one";
  }
  if (!input.stripeSecretKey && input.nodeEnv === "production" && !input.testModeRequested) {
    return "billing is in test mode (no STRIPE_SECRET_KEY): set the Stripe keys, or BILLING_TEST_MODE=true to run production without taking money";
  }
  return null;
}
