import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
} from "@tanstack/react-router";
import { safeRedirect } from "./api/safe-redirect";
import { assessmentRoutes } from "./features/academy/assessments/routes";
import { catalogRoutes } from "./features/academy/catalog/routes";
import { cpdLibraryRoutes } from "./features/academy/cpd/library/routes";
import { cpdPathRoutes } from "./features/academy/cpd/paths/routes";
import { cpdRoutes } from "./features/academy/cpd/routes";
import { credentialPublicRoutes, credentialRoutes } from "./features/academy/credentials/routes";
import { learningRoutes } from "./features/academy/learning/routes";
import { meQueryOptions } from "./features/accounts/identity/queries";
import { billingRoutes } from "./features/billing/routes";
import { validateAlertsSearch } from "./features/health/alerts/alerts-search";
import { validateClientListSearch } from "./features/health/clients/client-list-search";
import { HealthReportSearch, ReasonsReportSearch } from "./features/health/reports/report-search";
import { readSegmentSearch, toSearch } from "./features/health/segments/segment-search";

/**
 * Every page is its own chunk (lazyRouteComponent): /login downloads the shell (React, Mantine, the router,
 * the query client) and the login page only; ECharts, Markdown and admin pages load where they are used.
 * The router preloads a page's chunk on link intent and before rendering it.
 */
const CpdPage = lazyRouteComponent(() => import("./features/academy/cpd/pages/CpdPage"), "CpdPage");
const AcademyPage = lazyRouteComponent(() => import("./features/academy/overview/pages/AcademyPage"), "AcademyPage");
const ConfirmEmailPage = lazyRouteComponent(
  () => import("./features/accounts/identity/pages/ConfirmEmailPage"),
  "ConfirmEmailPage",
);
const ForgotPasswordPage = lazyRouteComponent(
  () => import("./features/accounts/identity/pages/ForgotPasswordPage"),
  "ForgotPasswordPage",
);
const LoginPage = lazyRouteComponent(() => import("./features/accounts/identity/pages/LoginPage"), "LoginPage");
const ProfilePage = lazyRouteComponent(() => import("./features/accounts/identity/pages/ProfilePage"), "ProfilePage");
const ResetPasswordPage = lazyRouteComponent(
  () => import("./features/accounts/identity/pages/ResetPasswordPage"),
  "ResetPasswordPage",
);
const SignupPage = lazyRouteComponent(() => import("./features/accounts/identity/pages/SignupPage"), "SignupPage");
const AcceptInvitationPage = lazyRouteComponent(
  () => import("./features/accounts/organizations/pages/AcceptInvitationPage"),
  "AcceptInvitationPage",
);
const OrganizationPage = lazyRouteComponent(
  () => import("./features/accounts/organizations/pages/OrganizationPage"),
  "OrganizationPage",
);
const NotFoundPage = lazyRouteComponent(() => import("./features/accounts/shell/pages/NotFoundPage"), "NotFoundPage");
const SignedInLayout = lazyRouteComponent(
  () => import("./features/accounts/shell/pages/SignedInLayout"),
  "SignedInLayout",
);
const OutboxPage = lazyRouteComponent(() => import("./features/admin/outbox/pages/OutboxPage"), "OutboxPage");
const EngagementsPage = lazyRouteComponent(
  () => import("./features/engagements/overview/pages/EngagementsPage"),
  "EngagementsPage",
);
const AlertsPage = lazyRouteComponent(() => import("./features/health/alerts/pages/AlertsPage"), "AlertsPage");
const ClientImportPage = lazyRouteComponent(
  () => import("./features/health/clients/import/pages/ClientImportPage"),
  "ClientImportPage",
);
const ClientPage = lazyRouteComponent(() => import("./features/health/clients/pages/ClientPage"), "ClientPage");
const ClientsPage = lazyRouteComponent(() => import("./features/health/clients/pages/ClientsPage"), "ClientsPage");
const PulseLayout = lazyRouteComponent(() => import("./features/health/overview/pages/PulseLayout"), "PulseLayout");
const PulseSettingsPage = lazyRouteComponent(
  () => import("./features/health/pulses/pages/PulseSettingsPage"),
  "PulseSettingsPage",
);
const PulseHealthReportPage = lazyRouteComponent(
  () => import("./features/health/reports/pages/PulseHealthReportPage"),
  "PulseHealthReportPage",
);
const PulseReasonsReportPage = lazyRouteComponent(
  () => import("./features/health/reports/pages/PulseReasonsReportPage"),
  "PulseReasonsReportPage",
);
const SegmentsPage = lazyRouteComponent(() => import("./features/health/segments/pages/SegmentsPage"), "SegmentsPage");

type RouterContext = { queryClient: QueryClient };
type Search = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** Signed-in pages bounce signed-out visitors to /login?redirect=<where they were going>. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    return { me };
  },
  component: SignedInLayout,
});

/** Sign-in and sign-up pages send people who are already signed in onward. */
const redirectIfSignedIn = async ({ context, search }: { context: RouterContext; search: { redirect?: string } }) => {
  const me = await context.queryClient.ensureQueryData(meQueryOptions);
  if (me) throw redirect({ href: safeRedirect(search.redirect, "/academy") });
};

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Search): { redirect?: string; email?: string } => ({
    redirect: text(search.redirect),
    email: text(search.email),
  }),
  beforeLoad: redirectIfSignedIn,
  component: LoginPage,
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/signup",
  validateSearch: (search: Search): { redirect?: string; email?: string } => ({
    redirect: text(search.redirect),
    email: text(search.email),
  }),
  beforeLoad: redirectIfSignedIn,
  component: SignupPage,
});

const tokenSearch = (search: Search): { token?: string } => ({ token: text(search.token) });

const confirmEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/confirm-email",
  validateSearch: tokenSearch,
  component: ConfirmEmailPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: tokenSearch,
  component: ResetPasswordPage,
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/$token",
  component: AcceptInvitationPage,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/academy" });
  },
});

const page = <TPath extends string>(path: TPath, component: RouteComponent) =>
  createRoute({ getParentRoute: () => signedInRoute, path, component });

/**
 * Pulse (customer health): a layout with the Pulse sub-navigation; /pulse opens the clients list.
 * Declare each child as its own const: routes created inline inside addChildren([...]) lose their
 * types (every page's search collapses into one), which breaks getRouteApi across the app.
 */
const pulseRoute = createRoute({ getParentRoute: () => signedInRoute, path: "/pulse", component: PulseLayout });
const pulseIndexRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/pulse/clients" });
  },
});
const clientsRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/clients",
  validateSearch: validateClientListSearch,
  component: ClientsPage,
});
const clientRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/clients/$clientId",
  component: ClientPage,
});
const pulseSettingsRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/settings",
  component: PulseSettingsPage,
});
const reportsIndexRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/reports",
  beforeLoad: () => {
    throw redirect({ to: "/pulse/reports/health" });
  },
});
const healthReportRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/reports/health",
  validateSearch: (search: Search) => HealthReportSearch.parse(search),
  component: PulseHealthReportPage,
});
const reasonsReportRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/reports/reasons",
  validateSearch: (search: Search) => ReasonsReportSearch.parse(search),
  component: PulseReasonsReportPage,
});
const segmentsRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/segments",
  validateSearch: (search: Search) => toSearch(readSegmentSearch(search)),
  component: SegmentsPage,
});
const clientImportRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/clients/import",
  component: ClientImportPage,
});
const alertsRoute = createRoute({
  getParentRoute: () => pulseRoute,
  path: "/alerts",
  validateSearch: validateAlertsSearch,
  component: AlertsPage,
});
const pulseRoutes = pulseRoute.addChildren([
  pulseIndexRoute,
  clientsRoute,
  clientRoute,
  pulseSettingsRoute,
  alertsRoute,
  reportsIndexRoute,
  healthReportRoute,
  reasonsReportRoute,
  segmentsRoute,
  clientImportRoute,
]);

const routeTree = rootRoute.addChildren([
  loginRoute,
  signupRoute,
  confirmEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationRoute,
  ...credentialPublicRoutes(rootRoute),
  signedInRoute.addChildren([
    homeRoute,
    page("/academy", AcademyPage),
    ...assessmentRoutes(signedInRoute),
    ...credentialRoutes(signedInRoute),
    ...learningRoutes(signedInRoute),
    ...catalogRoutes(signedInRoute),
    ...billingRoutes(signedInRoute),
    page("/cpd", CpdPage),
    ...cpdPathRoutes(signedInRoute),
    ...cpdLibraryRoutes(signedInRoute),
    ...cpdRoutes(signedInRoute),
    pulseRoutes,
    page("/engagements", EngagementsPage),
    page("/org", OrganizationPage),
    page("/profile", ProfilePage),
    page("/admin/outbox", OutboxPage),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
