import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";

// Each page is its own chunk, loaded when its route is (see web/router.tsx).
const AcademyAdminPage = lazyRouteComponent(() => import("../admin/pages/AcademyAdminPage"), "AcademyAdminPage");
const AdminModulePage = lazyRouteComponent(() => import("../admin/pages/AdminModulePage"), "AdminModulePage");
const TeamProgressPage = lazyRouteComponent(() => import("../teams/pages/TeamProgressPage"), "TeamProgressPage");
const ModulePage = lazyRouteComponent(() => import("./pages/ModulePage"), "ModulePage");
const ProgramPage = lazyRouteComponent(() => import("./pages/ProgramPage"), "ProgramPage");

/** Catalog pages, team progress and academy admin (signed-in); hang them on the signed-in route. */
export function catalogRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/academy/programs/$programKey", component: ProgramPage }),
    createRoute({ getParentRoute: () => parent, path: "/academy/modules/$moduleKey", component: ModulePage }),
    createRoute({ getParentRoute: () => parent, path: "/learning-progress", component: TeamProgressPage }),
    createRoute({ getParentRoute: () => parent, path: "/admin/academy", component: AcademyAdminPage }),
    createRoute({ getParentRoute: () => parent, path: "/admin/academy/modules/$moduleId", component: AdminModulePage }),
  ] as const;
}
