import type { AppContext } from "../../platform/context.js";
import { BILLING_PAGES } from "./contract.js";
import { type Providers, selectProviders } from "./providers/select.js";
import { type BillingSettings, DEFAULT_BILLING_SETTINGS } from "./settings.js";

export type BillingRuntime = { settings: BillingSettings; providers: Providers };

const bound = new WeakMap<AppContext, BillingRuntime>();

const build = (ctx: AppContext, settings: BillingSettings): BillingRuntime => ({
  settings,
  providers: selectProviders(settings, (id) => `${ctx.appUrl}${BILLING_PAGES.testCheckout(id)}`),
});

/** Binds the configured settings and providers to a context (buildApp does, from the config). */
export function configureBilling(ctx: AppContext, settings: BillingSettings): BillingRuntime {
  const runtime = build(ctx, settings);
  bound.set(ctx, runtime);
  return runtime;
}

/** The context's billing runtime; a context never configured (tests, CLI) runs in test mode with the defaults. */
export function billingOf(ctx: AppContext): BillingRuntime {
  return bound.get(ctx) ?? configureBilling(ctx, DEFAULT_BILLING_SETTINGS);
}
