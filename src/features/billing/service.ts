/** Billing's public surface: other features and the composition root use only this file (and contract.ts). */

export {
  activeAccessKeys,
  type Entitlement,
  ensureStaffAccess,
  entitlementsOf,
  grantStaffAccess,
  removeStaffGrant,
} from "./entitlements.js";
export { type BillingRuntime, billingOf, configureBilling } from "./runtime.js";
export { type BillingSettings, billingModeProblem, DEFAULT_BILLING_SETTINGS } from "./settings.js";
