/** Billing's public surface: other features and the composition root use only this file (and contract.ts). */
export { type BillingRuntime, billingOf, configureBilling } from "./runtime.js";
export { type BillingSettings, billingModeProblem, DEFAULT_BILLING_SETTINGS } from "./settings.js";
