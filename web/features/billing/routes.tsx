import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";

// Each page is its own chunk, loaded when its route is (see web/router.tsx).
const PlansPage = lazyRouteComponent(() => import("./pages/PlansPage"), "PlansPage");
const BillingPage = lazyRouteComponent(() => import("./pages/BillingPage"), "BillingPage");
const CancelPage = lazyRouteComponent(() => import("./pages/CancelPage"), "CancelPage");
const TestCheckoutPage = lazyRouteComponent(() => import("./pages/TestCheckoutPage"), "TestCheckoutPage");
const LicensesPage = lazyRouteComponent(() => import("./licenses/LicensesPage"), "LicensesPage");
const StaffLicensesPage = lazyRouteComponent(() => import("./licenses/StaffLicensesPage"), "StaffLicensesPage");

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** Billing pages (signed-in); hang them on the signed-in route. */
export function billingRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/plans", component: PlansPage }),
    createRoute({
      getParentRoute: () => parent,
      path: "/profile/billing",
      validateSearch: (search: Record<string, unknown>): { checkout?: string } => ({ checkout: text(search.checkout) }),
      component: BillingPage,
    }),
    createRoute({ getParentRoute: () => parent, path: "/profile/billing/cancel", component: CancelPage }),
    createRoute({
      getParentRoute: () => parent,
      path: "/billing/test-checkout/$checkoutId",
      component: TestCheckoutPage,
    }),
    createRoute({ getParentRoute: () => parent, path: "/organization/licenses", component: LicensesPage }),
    createRoute({ getParentRoute: () => parent, path: "/admin/billing/licenses", component: StaffLicensesPage }),
  ] as const;
}
