import { type AnyRoute, createRoute } from "@tanstack/react-router";
import { AcademyAdminPage } from "../admin/pages/AcademyAdminPage";
import { AdminModulePage } from "../admin/pages/AdminModulePage";
import { TeamProgressPage } from "../teams/pages/TeamProgressPage";
import { ModulePage } from "./pages/ModulePage";
import { ProgramPage } from "./pages/ProgramPage";

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
