import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";

// Each page is its own chunk, loaded when its route is (see web/router.tsx).
const AdminCredentialsPage = lazyRouteComponent(() => import("./pages/AdminCredentialsPage"), "AdminCredentialsPage");
const EvidencePage = lazyRouteComponent(() => import("./pages/EvidencePage"), "EvidencePage");
const MyCredentialsPage = lazyRouteComponent(() => import("./pages/MyCredentialsPage"), "MyCredentialsPage");
const VerifyPage = lazyRouteComponent(() => import("./pages/VerifyPage"), "VerifyPage");

/** The public credential pages (no sign-in): evidence pages and verify. Hang them on the root route. */
export function credentialPublicRoutes<P extends AnyRoute>(root: P) {
  return [
    createRoute({ getParentRoute: () => root, path: "/evidence/$credentialId", component: EvidencePage }),
    createRoute({ getParentRoute: () => root, path: "/verify", component: VerifyPage }),
    createRoute({ getParentRoute: () => root, path: "/verify/$credentialId", component: VerifyPage }),
  ] as const;
}

/** The learner's "My credentials" and the admin list; hang them on the signed-in route. */
export function credentialRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/academy/credentials", component: MyCredentialsPage }),
    createRoute({ getParentRoute: () => parent, path: "/admin/credentials", component: AdminCredentialsPage }),
  ] as const;
}
