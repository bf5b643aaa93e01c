import { type AnyRoute, createRoute } from "@tanstack/react-router";
import { AdminCredentialsPage } from "./pages/AdminCredentialsPage";
import { EvidencePage } from "./pages/EvidencePage";
import { MyCredentialsPage } from "./pages/MyCredentialsPage";
import { VerifyPage } from "./pages/VerifyPage";

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
