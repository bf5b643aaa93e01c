import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";

// The dashboard stays at /cpd (web/router.tsx, pages/CpdPage). Components add their own routes.tsx.
const SelfCertPage = lazyRouteComponent(() => import("./self-cert/SelfCertPage"), "SelfCertPage");
const AdminAuditsPage = lazyRouteComponent(() => import("./audits/AdminAuditsPage"), "AdminAuditsPage");
const EventsPage = lazyRouteComponent(() => import("./events/EventsPage"), "EventsPage");
const SuggestionsPage = lazyRouteComponent(() => import("./suggestions/SuggestionsPage"), "SuggestionsPage");
const AdminSuggestionsPage = lazyRouteComponent(
  () => import("./suggestions/AdminSuggestionsPage"),
  "AdminSuggestionsPage",
);

/** Self-certification (learners) and CPD audits (staff); hang them on the signed-in route. */
export function cpdRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/cpd/self-certification", component: SelfCertPage }),
    createRoute({ getParentRoute: () => parent, path: "/cpd/events", component: EventsPage }),
    createRoute({ getParentRoute: () => parent, path: "/admin/academy/cpd/audits", component: AdminAuditsPage }),
    createRoute({ getParentRoute: () => parent, path: "/cpd/suggestions", component: SuggestionsPage }),
    createRoute({
      getParentRoute: () => parent,
      path: "/admin/academy/cpd/suggestions",
      component: AdminSuggestionsPage,
    }),
  ] as const;
}
